import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rules that keep shared/ pure and the renderer away from the host, checked on real code. */
const eslint = new ESLint({ cwd: process.cwd() });

async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture lint', () => {
  it.each([
    ["import { app } from 'electron';", 'Electron'],
    ["import { readFile } from 'node:fs/promises';", 'Node built-ins'],
    ["import fs from 'fs';", 'fs'],
    ["import Dexie from 'dexie';", 'Dexie'],
    ["import { useState } from 'react';", 'React'],
  ])('refuses `%s` in shared/', async (code, what) => {
    const messages = await lint('shared/example.ts', `${code}\nexport const x = 1;\n`);
    expect(messages.join('\n')).toMatch(new RegExp(`no-restricted-imports: .*${what}`));
  });

  it('refuses a clock read in shared/', async () => {
    expect((await lint('shared/example.ts', 'export const t = Date.now();\n')).join('\n')).toMatch(/Pass `now` in/);
  });

  it('allows pure libraries in shared/', async () => {
    expect(await lint('shared/example.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('keeps the renderer away from Node and the host', async () => {
    expect((await lint('renderer/example.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).join('\n')).toMatch(/host contract/);
    expect((await lint('renderer/example.ts', "import { x } from '../electron/web';\nexport const y = x;\n")).join('\n')).toMatch(/host code/);
  });

  describe('renderer layers: ui → app, hooks → db, host', () => {
    it.each([
      ['renderer/ui/sell/Example.tsx', "import { commitSale } from '../../db';\nexport const x = commitSale;\n", 'Screens reach the store through renderer/app'],
      ['renderer/ui/sell/Example.tsx', "import { getHost } from '../../host';\nexport const x = getHost;\n", 'Screens reach the host through renderer/app'],
      ['renderer/app/example.ts', "import { SellScreen } from '../ui/sell/SellScreen';\nexport const x = SellScreen;\n", 'renderer/app must not import screens'],
      ['renderer/hooks/useExample.ts', "import { searchProducts } from '../db';\nexport const x = searchProducts;\n", 'services \\(renderer/app\\) talk to the store'],
      ['renderer/hooks/useExample.ts', "import { attempt } from '../app/outcome';\nexport const x = attempt;\n", 'may use renderer/app types'],
      ['renderer/db/example.ts', "import { attempt } from '../app/outcome';\nexport const x = attempt;\n", 'renderer/db is the bottom layer'],
      ['renderer/display/Example.tsx', "import { SellScreen } from '../ui/sell/SellScreen';\nexport const x = SellScreen;\n", 'The customer display shows no operator screen'],
      ['renderer/display/Example.tsx', "import { ManagerPin } from '../ui/approval/ManagerPin';\nexport const x = ManagerPin;\n", 'The customer display shows no operator screen'],
      ['renderer/display/Example.tsx', "import { getHost } from '../host';\nexport const x = getHost;\n", 'The customer display has no store'],
      ['renderer/display/Example.tsx', "import { openChinarDb } from '../db';\nexport const x = openChinarDb;\n", 'The customer display has no store'],
    ])('refuses, in %s, `%s`', async (path, code, why) => {
      expect((await lint(path, code)).join('\n')).toMatch(new RegExp(`no-restricted-imports: .*${why}`));
    });

    it.each([
      ['renderer/ui/sell/Example.tsx', "import type { ProductWithArtisan } from '../../db';\nexport type X = ProductWithArtisan;\n"],
      ['renderer/ui/sell/Example.tsx', "import { lookupBarcode } from '../../app/catalog';\nexport const x = lookupBarcode;\n"],
      ['renderer/ui/sell/Example.tsx', "import { useDebounced } from '../../hooks/useDebounced';\nexport const x = useDebounced;\n"],
      ['renderer/app/example.ts', "import { commitSale } from '../db';\nimport { useLoadable } from '../hooks/useLoadable';\nexport const x = [commitSale, useLoadable];\n"],
      ['renderer/hooks/useExample.ts', "import type { Outcome } from '../app/outcome';\nexport type X = Outcome<number>;\n"],
      ['renderer/display/Example.tsx', "import { Money } from '../ui/components/Money';\nimport { SymbolCanvas } from '../ui/receipt/SymbolCanvas';\nexport const x = [Money, SymbolCanvas];\n"],
    ])('allows, in %s, `%s`', async (path, code) => {
      expect(await lint(path, code)).toEqual([]);
    });
  });
});
