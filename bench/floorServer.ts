/**
 * The floor: a language server that answers every hover and completion with a constant, and
 * publishes empty diagnostics for every version of a document. What it costs is the protocol's
 * own cost (spawn, JSON-RPC, stdio, receiving the document); the benchmark reports the real
 * server's figures as ratios against it.
 */
import { createConnection, TextDocuments, TextDocumentSyncKind, type CompletionList, type Hover } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

const hover: Hover = { contents: { kind: 'markdown', value: '**`RATE_LIMITED`** · 429 Too Many Requests\n\nA constant answer.' } };
const completion: CompletionList = {
  isIncomplete: true,
  items: Array.from({ length: 100 }, (_, i) => ({ label: `CODE_${i}`, kind: 20, detail: '429 Too Many Requests · Constant', sortText: `b${String(i).padStart(5, '0')}` })),
};

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: { resolveProvider: true } },
}));
connection.onHover(() => hover);
connection.onCompletion(() => completion);
connection.onCompletionResolve((item) => item);
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
