import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Code mapping (issue #4 §4): per connection, our internal codes (a tenant dictionary's entries,
 * such as the reasons for collecting a terminal) and the codes this provider uses for them:
 * `{ "<dictionary>": { "<internal code>": "<external code>" } }`. Kept on the credential, so a
 * sub-agent that uses its ancestor's connection uses the mapping that goes with it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('integration_credentials', (table) => {
      table.jsonb('code_maps').notNullable().defaultTo('{}')
    })
  }

  async down() {
    this.schema.alterTable('integration_credentials', (table) => table.dropColumn('code_maps'))
  }
}
