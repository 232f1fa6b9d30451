// pmdocs: New Document — pick a type, give a title (a version for release notes) and an owner; the file
// is written with the next free id next to the type's other documents and opened. Never overwrites.
// Arguments (for keybindings, tasks and tests) skip the questions: {type, title, owner, version, folder}.
// From the explorer's context menu the clicked folder is the target.

import * as vscode from 'vscode';
import type { DocType } from '../../core/doctypes/docType.js';
import {
  asksForOwner,
  defaultTitle,
  existingDocs,
  idFromVersion,
  idPrefixOf,
  isValidOwner,
  OWNER_FORMS,
  planNewDocument,
  requiresOwner,
  today,
  versionProblem,
} from '../../core/templates/index.js';
import type { Linter } from '../diagnostics/linter.js';
import { uriExists } from '../uriExists.js';
import { resolveNewDocumentOwner } from './ownerLookups.js';
import type { ExtensionPlatform } from '../platform/platform.js';
import { scopeHost } from '../config/documentScope.js';
import type { ScopeHost } from '../../core/workspace/scope.js';
import { createFolderFiles } from '../config/workspaceFsHost.js';

export interface NewDocumentOptions {
  type?: string;
  title?: string;
  owner?: string;
  version?: string;
  folder?: vscode.Uri | string;
  /** Default true: show the new document in an editor. */
  open?: boolean;
}

export function registerNewDocument(linter: Linter, log: vscode.LogOutputChannel, platform: ExtensionPlatform): vscode.Disposable {
  return vscode.commands.registerCommand('pmdocs.newDocument', async (arg?: vscode.Uri | NewDocumentOptions) => {
    try {
      return await newDocument(linter, log, platform, arg instanceof vscode.Uri ? { folder: arg } : (arg ?? {}));
    } catch (e) {
      const message = `pmdocs: could not create the document: ${(e as Error)?.message ?? String(e)}`;
      log.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  });
}

async function newDocument(
  linter: Linter,
  log: vscode.LogOutputChannel,
  platform: ExtensionPlatform,
  options: NewDocumentOptions,
): Promise<vscode.Uri | undefined> {
  const explicitFolder = await folderOf(options.folder);
  const anchor = explicitFolder ?? activeFolder() ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!anchor) {
    void vscode.window.showWarningMessage('pmdocs: open a folder first; new documents are created inside the workspace.');
    return undefined;
  }
  const probe = vscode.Uri.joinPath(anchor, 'new-document.md'); // the config that applies inside the target folder
  const { engine, config } = await linter.prepare(probe);
  const types = engine
    .registry(config)
    .all()
    .filter((t) => t.template || t.frontMatterTemplate);

  const docType = options.type ? types.find((t) => t.type === options.type) : await pickType(types);
  if (!docType) {
    if (options.type) throw new Error(`unknown document type '${options.type}' (known: ${types.map((t) => t.type).join(', ')})`);
    return undefined;
  }
  let version = options.version;
  if (idFromVersion(docType) && version === undefined) {
    version = await vscode.window.showInputBox({
      title: `New ${docType.label ?? docType.type}`,
      prompt: 'Version (SemVer, without "v")',
      placeHolder: '1.4.0',
      validateInput: (v) => (versionProblem(v.trim()) ? 'A SemVer version such as 1.4.0 or 2.0.0-rc.1' : undefined),
    });
    if (version === undefined) return undefined;
    version = version.trim();
  }
  const title =
    options.title ??
    (await vscode.window.showInputBox({
      title: `New ${docType.label ?? docType.type}`,
      prompt: 'Title',
      value: defaultTitle(docType, version) ?? '',
      placeHolder: docType.type === 'prd' ? 'Export invoices as CSV' : 'A short, specific title',
      validateInput: (v) => (v.trim() ? undefined : 'A title is needed'),
    }));
  if (title === undefined) return undefined;
  // The owner: the one given, else $PMDOCS_OWNER, else git's user.name, else the login name (as `pmdocs
  // new`); asked for with that as the suggestion when no argument gave it.
  let owner = options.owner;
  if (asksForOwner(docType)) {
    const found = await resolveNewDocumentOwner(owner, anchor, platform);
    if ('invalid' in found) throw new Error(found.message);
    if (owner === undefined) {
      const required = requiresOwner(docType);
      owner = await vscode.window.showInputBox({
        title: `New ${docType.label ?? docType.type}: ${title}`,
        prompt: ownerPrompt(required, 'owner' in found, platform),
        value: 'owner' in found ? found.owner : '',
        validateInput: (v) =>
          !v.trim()
            ? required
              ? `This document type needs an owner: ${OWNER_FORMS}`
              : undefined
            : isValidOwner(v.trim())
              ? undefined
              : `Use ${OWNER_FORMS}`,
      });
      if (owner === undefined) return undefined;
      owner = owner.trim();
    }
  }

  // Ids are unique per config root (the folder of the .pmdocs.json, else the workspace folder).
  const root = anchor.with({ path: config.root || vscode.workspace.getWorkspaceFolder(anchor)?.uri.path || anchor.path });
  const plan = planNewDocument({
    docType,
    title: title.trim(),
    owner,
    version,
    date: today(),
    folder: explicitFolder?.path,
    fallbackFolder: anchor.path,
    existing: await existingDocs(openTextFirst(root), root.path, idPrefixOf(docType)),
  });
  if (plan.existingWithId) throw new Error(`${plan.id} exists already: ${plan.existingWithId}`);
  const target = anchor.with({ path: plan.path });
  if (await uriExists(target)) throw new Error(`${vscode.workspace.asRelativePath(target)} exists already; pmdocs never overwrites a file`);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(plan.text));
  log.info(`New ${docType.type} ${plan.id}: ${vscode.workspace.asRelativePath(target)}`);
  if (options.open !== false) await vscode.window.showTextDocument(target, { preview: false });
  return target;
}

async function pickType(types: readonly DocType[]): Promise<DocType | undefined> {
  const picked = await vscode.window.showQuickPick(
    types.map((t) => ({
      label: t.label ?? t.type,
      description: t.idPrefix ? `${t.type} · ${t.idPrefix}…` : t.type,
      detail: typeof t.schema['description'] === 'string' ? t.schema['description'] : undefined,
      type: t,
    })),
    { title: 'pmdocs: New Document', placeHolder: 'Which kind of document?', matchOnDescription: true },
  );
  return picked?.type;
}

/** The root's files as the workspace scope lists them; a document open in an editor is read as it stands there (unsaved ids count). */
function openTextFirst(root: vscode.Uri): ScopeHost {
  const host = scopeHost(createFolderFiles(root));
  return {
    ...host,
    readFile: async (path: string) => {
      const uri = root.with({ path, query: '', fragment: '' }).toString();
      return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText() ?? host.readFile(path);
    },
  };
}

async function folderOf(target: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
  if (!target) return undefined;
  const uri =
    typeof target === 'string' ? (/^[a-z][a-z0-9+.-]*:/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target)) : target;
  try {
    const s = await vscode.workspace.fs.stat(uri);
    return s.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
  } catch {
    return uri; // not there yet: writeFile creates the folder
  }
}

function activeFolder(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  return vscode.Uri.joinPath(uri, '..');
}

/** The owner question; when nothing could be suggested and the host limits the lookups (the browser), it says why. */
function ownerPrompt(required: boolean, suggested: boolean, platform: ExtensionPlatform): string {
  const ask = required ? `Owner (required): ${OWNER_FORMS}` : `Owner (optional): ${OWNER_FORMS}`;
  return !suggested && platform.ownerLimitation ? `${ask}. No suggestion: ${platform.ownerLimitation}.` : ask;
}
