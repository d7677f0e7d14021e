/*
 * Translating our codes into a provider's (issue #4 §4). Adapters ask for the external code of
 * an internal one; a code nobody mapped is an error naming the dictionary and the code, never a
 * silent default that would send the wrong reason to a payment company.
 */
import type { OpenedCredential } from '#app/integrations/provider_type'

export type CodeMaps = Record<string, Record<string, string>>

export class MissingCodeMapping extends Error {
  constructor(
    readonly provider: string,
    readonly dictionary: string,
    readonly code: string
  ) {
    super(`No ${provider} code is mapped for ${dictionary} "${code}"`)
  }
}

export function externalCode(
  credential: Pick<OpenedCredential, 'provider' | 'codeMaps'>,
  dictionary: string,
  internal: string
): string {
  const external = credential.codeMaps[dictionary]?.[internal]
  if (!external) throw new MissingCodeMapping(credential.provider, dictionary, internal)
  return external
}
