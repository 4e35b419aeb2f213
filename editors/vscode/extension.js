// The client half of the cjm extension: starts `cjm lsp` and hands it every .cjm document.
// Everything else (diagnostics, completion, navigation, formatting, previews) is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

// Opens the SVG the server's `cjm.renderPreview` command wrote, beside the journey.
async function showPreview(result) {
  if (result && result.path) {
    await vscode.commands.executeCommand("vscode.open", vscode.Uri.file(result.path), vscode.ViewColumn.Beside);
  }
  return result;
}

async function activate(context) {
  const command = vscode.workspace.getConfiguration("cjm").get("path") || "cjm";
  const server = { command, args: ["lsp"] };
  client = new LanguageClient("cjm", "cjm language server", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "cjm" }, { scheme: "untitled", language: "cjm" }],
    middleware: {
      // The code lenses run the server's command; open what it drew.
      executeCommand: async (name, args, next) => {
        const result = await next(name, args);
        return name === "cjm.renderPreview" ? showPreview(result) : result;
      },
    },
  });
  context.subscriptions.push(
    vscode.commands.registerCommand("cjm.preview", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== "cjm") return;
      await vscode.commands.executeCommand("cjm.renderPreview", editor.document.uri.toString());
    })
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
