/**
 * The store said no to what was asked, and why, in the person's words ("Artisan code A-014
 * already belongs to Shahnaz."): nothing was written. The services in renderer/app show
 * such a message as it is; any other error is a failure of the store itself, which they
 * wrap in their own words ("Not saved: …").
 */
export class StoreRefusal extends Error {}
