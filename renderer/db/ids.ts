import { v7 as uuidv7 } from 'uuid';

/** Client-generated, time-ordered ids (UUIDv7): an offline record keeps its identity. Tests pass their own. */
export type NewId = () => string;
export const newId: NewId = () => uuidv7();
