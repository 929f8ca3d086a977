// md-namespace-create/update's flags: glanceclient derives them from the namespace schema
// (schema_args), so their names, order and help are the schema's; each maps to a body field.
import { looseBoolean } from '../../../config/boolean.js';
import { type Flag, text, words } from '../../flags/flag.js';

const loose = (flags: string, description: string): Flag<boolean | undefined> => {
  const flag = text(flags, description, { suggestions: ['True', 'False'] });
  return {
    ...flag,
    decode: (raw) => {
      const given = flag.decode(raw);
      return given === undefined ? undefined : looseBoolean(given);
    },
  };
};

const self = text('--self <SELF>', '');
const shared = {
  updated_at: text('--updated-at <UPDATED_AT>', 'Date and time of the last namespace modification.'),
  created_at: text('--created-at <CREATED_AT>', 'Date and time of namespace creation.'),
  owner: text('--owner <OWNER>', 'Owner of the namespace.'),
  protected: loose('--protected <True|False>', 'If true, namespace will not be deletable.'),
  visibility: text('--visibility <VISIBILITY>', 'Scope of namespace accessibility. Valid values: public, private', { suggestions: ['public', 'private'] }),
  description: text('--description <DESCRIPTION>', 'Provides a user friendly description of the namespace.'),
  display_name: text('--display-name <DISPLAY_NAME>', 'The user friendly name for the namespace. Used by UI if available.'),
};

/** md-namespace-create's, in glanceclient's order (the schema's, reversed). Associations are taken as text, which the schema then refuses, as glanceclient's does. */
export const createFlags = {
  resource_type_associations: words('--resource-type-associations <RESOURCE_TYPE_ASSOCIATIONS...>', ''),
  self,
  schema: text('--schema <SCHEMA>', ''),
  ...shared,
};

/** md-namespace-update's: --namespace renames. */
export const updateFlags = {
  self,
  ...shared,
  namespace: text('--namespace <NAMESPACE>', 'The unique namespace text.'),
};
