/**
 * The store of record. Components call these operations, named after what people do;
 * nothing else in the renderer touches IndexedDB.
 */
export { openChinarDb, ChinarDb, DEFAULT_DB_NAME, type CartRow, type JournalQueueRow } from './schema';
export { newId, type NewId } from './ids';
export { StoreRefusal } from './refusal';
export { seedDemoIfEmpty, DEMO_SEED_KIND } from './seed';
export { DEMO_PINS } from './demo-data';
export { signInWithPin, PIN_PATTERN } from './auth';
export {
  signInAtKeypad, approveAtCounter, artisanAtKeypad, identifyArtisan, artisanForCodeEntry, pinThrottleState,
  staffSaltToUse, hashStaffPin, hashArtisanPin, derivePin, parseStoredPin, PinSaltChangedError, PIN_ITERATIONS,
  type PinAnswer, type PinPlace, type SignedInArtisan,
} from './pins';
export { findProductByBarcode, prefetchEan13sStartingWith, prefetchProductByBarcode, searchProducts, productSearchWords, type ProductWithArtisan } from './catalog';
export { commitSale, peekNextReceiptNo, SaleNotRecordedError, type CommitSaleInput, type CommittedSale, type LineApproval } from './sales';
export { saveOpenCart, loadOpenCart, parkCart, parkedCarts, recallCart, stockCounts, OPEN_CART_ID, type CartDraft } from './carts';
export { findSaleByReceiptNo, recentSales, recordReprint, recordNoSale, markOriginalPrinted, originalPrinted, lastRecordedSale } from './receipts';
export {
  queueJournal, pendingJournal, nextJournalBatch, pendingJournalCount, pendingJournalIds, isJournalPending, acknowledgeJournal, journalHeadOf, storeIsEmpty,
  clearStoreForRestore, restoreJournalPage, JournalRestoreError,
} from './journal-queue';
export {
  openDay, dayForSale, isLeftOpen, openBusinessDay, recordCashMovement, recordPayout, closeBusinessDay, prepareDayClose, dayReport, dayTotals, recentDays,
  payoutsOfDay, CLOSE_STAGES, DayError, DayClosedError, DayNotOpenError, DAY_NOT_OPEN, REASON_MAX, REFERENCE_MAX,
  type OpenDayInput, type CashMovementInput, type PayoutInput, type RecordedPayout, type CloseDayInput, type ClosedDay, type PreparedClose, type DayTotalsView,
} from './days';
export {
  outboxRows, undeliveredOutboxRows, nextOutboxRow, beginAttempt, finishAttempt, retryUploadNow, markDeliveredByHand, isPending, type OutboxRow, type OutboxState,
} from './outbox';
export {
  commitReturn, findReturnableSale, loadSaleById, ReturnRefusedError, ReturnNotRecordedError, CREDIT_NOTE_COUNTER_PREFIX,
  type CommitReturnInput, type CommittedReturn, type ReturnableSale,
} from './returns';
export { getStoreProfile, saveStoreProfile, getTaxTable, saveTaxTable, getTouristCurrencies, isDemoData, setDemoData } from './settings';
export { requestPersistence, checkSpace, MIN_FREE_BYTES, DISK_FULL_MESSAGE, isQuotaExceeded, type PersistenceState, type SpaceState } from './storage';
export { appendAudit } from './audit';
export {
  applyCatalogImport, previewCatalogImport, exportCatalog, loadCatalogSnapshot, inStoreNumberingFor,
  saveArtisan, saveProduct, adjustStock, setProductActive, setArtisanActive, lowStockProducts, productPage, saveUser, listArtisans, listUsers,
  CatalogEditError, type Actor, type ArtisanDraft, type ProductDraft, type UserDraft, type ImportOutcome,
} from './catalog-admin';
export { updateStoreProfile, updateTaxTable, updateTouristCurrencies, SettingsError } from './admin-settings';
export { earningsBetween, earningsOfArtisan, gstMonthFromStore, checkAuditChain, payoutsFor } from './earnings';
export {
  readArtisanPhoto, artisanIdsWithPhotos, allArtisanPhotos, saveArtisanPhotos, removeArtisanPhoto, PhotoRefusedError,
  type ArtisanPhotoRow, type NewArtisanPhoto,
} from './artisan-photos';
export { deleteRestoreLeftover, exportStoreBackup, peekExport, restoreStoreBackup, BackupRestoreError, type RowProgress } from './backup';
