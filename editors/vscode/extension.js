// The kehoach extension for VS Code: starts `kehoach lsp --stdio` (the language server of the kehoach package,
// src/lsp/server.ts) for the YAML files of the workspace, over vscode-languageclient. The command is the workspace's
// own (node_modules/.bin/kehoach, the version its plans are built with), else `kehoach` on the PATH, or the one the
// setting kehoach.path names. The server decides which YAML files are plans (a CI workflow gets no findings).
// Bundled with its client library into dist/extension.js by build.mjs (npm run build:vsix in the package).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The kehoach command to start: the setting, else the workspace's node_modules/.bin/kehoach, else the PATH's. */
function command() {
  const set = vscode.workspace.getConfiguration('kehoach').get('path');
  if (set) return set;
  const bin = process.platform === 'win32' ? 'kehoach.cmd' : 'kehoach';
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', bin);
    if (existsSync(local)) return local;
  }
  return bin;
}

async function activate(context) {
  const setting = vscode.workspace.getConfiguration('kehoach').get('lang');
  const lang = setting === 'vi' || setting === 'en' ? setting : vscode.env.language;
  // On Windows the .cmd shim needs a shell (Node refuses to spawn it without one), which splits an unquoted path.
  const win = process.platform === 'win32';
  const run = { command: win ? `"${command()}"` : command(), args: ['lsp'], transport: TransportKind.stdio, options: { shell: win } };
  client = new LanguageClient('kehoach', 'kehoach', { run, debug: run }, {
    documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
    initializationOptions: { lang },
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
