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
});
