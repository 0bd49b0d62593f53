import type { DailyEarnings } from '../../../shared/protocol/daily-earnings';

/** The example body from PROTOCOL.md, field for field. */
export function protocolExample(): DailyEarnings {
  return {
    schema: 'chinar.daily-earnings/1',
    deviceId: 'srinagar-polo-view/K01',
    marketId: 'srinagar-polo-view',
    businessDate: '2026-11-22',
    zNumber: 17,
    openedAt: '2026-11-22T09:02:11+05:30',
    closedAt: '2026-11-22T18:04:11+05:30',
    currency: 'INR',
    totals: {
      saleCount: 1, returnCount: 0,
      sales: 250000, discounts: 0, returns: 0, roundOff: 0,
      tax: 11905, commission: 35714, artisanNet: 202381,
      tenders: { cash: 250000, card: 0, upi: 0 },
      grandTotal: 98765400,
    },
    cash: { openingFloat: 200000, expected: 450000, counted: 449000, overShort: -1000 },
    artisans: [{
      artisanCode: 'A-014', name: 'Haleema Akhter', fairWageCertified: true,
      itemsSold: 1, gross: 250000, returns: 0, tax: 11905, commission: 35714, net: 202381,
      lines: [{ receiptNo: 'K01/2627/000123', sku: 'PSH-0141', qty: 1, gross: 250000, tax: 11905, commission: 35714, net: 202381 }],
    }],
  };
}
