// QR codes generated on the server as SVG (no client JavaScript, crisp at any size).
import QRCode from "qrcode";

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}

/** An image response, for <img src="/…/qr.svg" alt="…"> */
export async function qrResponse(text: string): Promise<Response> {
  return new Response(await qrSvg(text), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "private, max-age=300" },
  });
}
