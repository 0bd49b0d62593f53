import type { defaultNS, resources } from './index';

// Typed keys: a misspelt or missing key in en.json is a compile error, not a blank label.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['en'];
    returnNull: false;
  }
}
