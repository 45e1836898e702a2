// The end-to-end tests' mail server: a real SMTP server (smtp-server, the same capture
// the integration tests use) that the e2e web server sends to (SMTP_URL), with a small
// HTTP side the specs read the received mails from, as a person reads their inbox.
//   MAIL_CATCHER_SMTP_PORT  the SMTP port (default 2525)
//   MAIL_CATCHER_HTTP_PORT  GET /health, GET /mails?to=<address> → [{ subject, text, receivedAt }] oldest first
import http from "node:http";
import { startSmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 2526);

const capture = await startSmtpCapture(smtpPort);
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.method === "GET" && url.pathname === "/health") {
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  if (request.method === "GET" && url.pathname === "/mails") {
    const to = url.searchParams.get("to") ?? "";
    const mails = capture.mailsTo(to).map((mail) => ({ subject: mail.subject ?? "", text: mail.text ?? "", receivedAt: mail.receivedAt }));
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
    return;
  }
  response.writeHead(404).end();
});
server.listen(httpPort, "127.0.0.1", () => console.log(`[mail-catcher] SMTP on ${smtpPort}, mails on http://127.0.0.1:${httpPort}/mails`));

const stop = () => {
  server.close();
  void capture.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
