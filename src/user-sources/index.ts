/** The user's own catalogue sources: parse a chosen file, preview it, add, list and remove. */
export {
  parseUserSource,
  userSourceIdFor,
  USER_SOURCE_FILE_TYPES,
  type ParsedUserSource,
  type UserSourceParseFailure,
  type UserSourceParseResult,
  type Rejection,
} from './parse';
export {
  addUserSource,
  listUserSources,
  previewUserSource,
  removeUserSource,
  MAX_SOURCE_NAME_LENGTH,
  type AddedUserSource,
  type UserSourcePreview,
} from './store';
