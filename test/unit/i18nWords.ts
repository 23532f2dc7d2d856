// The app's own words for tests that check what a person reads: every message table, as i18next is given them.
export { appWords } from '../../src-renderer/i18n/words';
