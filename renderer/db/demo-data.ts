import type { StoreProfile } from '../../shared/store-profile';

/**
 * The demo market seeded on a fresh install, so the kiosk can sell at once. A manager
 * replaces it by importing the real catalog: its codes and SKUs start with DEMO so they
 * never collide with a real catalog, and the first import deactivates them. The PINs
 * are shown on the sign-in screen only while this data is in use.
 */
export const DEMO_CODE_PREFIX = 'DEMO-';
export const DEMO_PINS = { operator: '1111', manager: '9999' } as const;

export const DEMO_PROFILE: StoreProfile = {
  marketId: 'demo-market',
  name: 'Chinar Artisan Market (Demo)',
  addressLines: ['Polo View Road, Lal Chowk', 'Srinagar, Jammu & Kashmir 190001'],
  phone: '+91 194 245 0000',
  gstin: '01AAAAA0000A1Z5',
  invoiceSeries: 'K01',
  upiVpa: 'chinarmarket@upi',
  upiPayeeName: 'Chinar Artisan Market',
  cashRounding: false,
  discountLimitPct: 10,
  overStockManagerPieces: 2,
  idleSignOutMinutes: 5,
  timeZone: 'Asia/Kolkata',
  storyBaseUrl: 'https://chinar.example/artisans',
  footer: 'Thank you for supporting the artisans of Kashmir.',
  webShopStoryPattern: '',
  receiptMakerQr: 'per-artisan',
  attractAfterSeconds: 90,
};

export interface DemoArtisan {
  code: string; name: string; craft: string; cooperative: string; village: string;
  gender: 'F' | 'M' | 'X' | null; commissionBps: number; fairWage: boolean; story: string;
}

export const DEMO_ARTISANS: DemoArtisan[] = [
  { code: 'DEMO-01', name: 'Haleema Akhter', craft: 'Pashmina weaving', cooperative: 'Zainakote Weavers Cooperative', village: 'Zainakote', gender: 'F', commissionBps: 1500, fairWage: true, story: 'Weaves Pashmina on a handloom her mother used.' },
  { code: 'DEMO-02', name: 'Shazia Bano', craft: 'Sozni embroidery', cooperative: 'Kanihama Sozni Collective', village: 'Kanihama', gender: 'F', commissionBps: 1250, fairWage: true, story: 'Needles a single shawl border over three months.' },
  { code: 'DEMO-03', name: 'Ghulam Nabi Dar', craft: 'Walnut wood carving', cooperative: '', village: 'Safa Kadal', gender: 'M', commissionBps: 1800, fairWage: false, story: 'Carves walnut in the Downtown workshops.' },
  { code: 'DEMO-04', name: 'Rubina Jan', craft: 'Papier-mâché', cooperative: 'Hawal Papier-Mache Women Group', village: 'Hawal', gender: 'F', commissionBps: 1500, fairWage: true, story: 'Paints papier-mâché with stone colours.' },
  { code: 'DEMO-05', name: 'Mohammad Yousuf Shah', craft: 'Carpet weaving', cooperative: 'Budgam Carpet Weavers', village: 'Budgam', gender: 'M', commissionBps: 1000, fairWage: true, story: 'Knots silk carpets from a talim script.' },
  { code: 'DEMO-06', name: 'Nighat Ara', craft: 'Namda felting', cooperative: 'Sopore Namda Cooperative', village: 'Sopore', gender: 'F', commissionBps: 1200, fairWage: false, story: 'Felts wool rugs and embroiders them by hand.' },
];

export interface DemoProduct {
  sku: string; barcode: string; name: string; artisanCode: string; craft: string;
  hsn: string; handmade: boolean; gstRateBpsOverride: number | null; price: string; stock: number;
}

/** Barcodes are valid EAN-13s from the GS1 in-store range (prefix 20–29). */
export const DEMO_PRODUCTS: DemoProduct[] = [
  { sku: 'DEMO-PSH-1', barcode: '2000000000015', name: 'Pashmina shawl, natural', artisanCode: 'DEMO-01', craft: 'Pashmina', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: '12500.00', stock: 6 },
  { sku: 'DEMO-PSH-2', barcode: '2000000000022', name: 'Pashmina stole, rose', artisanCode: 'DEMO-01', craft: 'Pashmina', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: '6800.00', stock: 10 },
  { sku: 'DEMO-SOZ-1', barcode: '2000000000039', name: 'Sozni embroidered shawl', artisanCode: 'DEMO-02', craft: 'Sozni', hsn: '6214', handmade: true, gstRateBpsOverride: null, price: '24000.00', stock: 3 },
  { sku: 'DEMO-SOZ-2', barcode: '2000000000046', name: 'Sozni cushion cover', artisanCode: 'DEMO-02', craft: 'Sozni', hsn: '6304', handmade: true, gstRateBpsOverride: null, price: '1850.00', stock: 12 },
  { sku: 'DEMO-WAL-1', barcode: '2000000000053', name: 'Walnut jewellery box', artisanCode: 'DEMO-03', craft: 'Walnut carving', hsn: '4420', handmade: true, gstRateBpsOverride: null, price: '3200.00', stock: 8 },
  { sku: 'DEMO-WAL-2', barcode: '2000000000060', name: 'Walnut serving tray', artisanCode: 'DEMO-03', craft: 'Walnut carving', hsn: '4419', handmade: true, gstRateBpsOverride: null, price: '2450.50', stock: 5 },
  { sku: 'DEMO-PAP-1', barcode: '2000000000077', name: 'Papier-mâché bauble set', artisanCode: 'DEMO-04', craft: 'Papier-mâché', hsn: '4823', handmade: true, gstRateBpsOverride: null, price: '850.00', stock: 30 },
  { sku: 'DEMO-PAP-2', barcode: '2000000000084', name: 'Papier-mâché vase, chinar leaf', artisanCode: 'DEMO-04', craft: 'Papier-mâché', hsn: '4823', handmade: true, gstRateBpsOverride: null, price: '1499.00', stock: 9 },
  { sku: 'DEMO-CRP-1', barcode: '2000000000091', name: 'Silk carpet 3x5 ft', artisanCode: 'DEMO-05', craft: 'Carpet', hsn: '5701', handmade: true, gstRateBpsOverride: null, price: '185000.00', stock: 2 },
  { sku: 'DEMO-NAM-1', barcode: '2000000000107', name: 'Namda rug, floral', artisanCode: 'DEMO-06', craft: 'Namda', hsn: '5702', handmade: true, gstRateBpsOverride: null, price: '4200.00', stock: 7 },
  { sku: 'DEMO-NAM-2', barcode: '2000000000114', name: 'Woollen muffler, machine-made', artisanCode: 'DEMO-06', craft: 'Textiles', hsn: '6117', handmade: false, gstRateBpsOverride: null, price: '2999.00', stock: 15 },
];
