import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Invoice } from '../storage/db'
import { formatAmount } from './currency'

/**
 * Finalized invoices are rendered to PDF once and cached on disk. A missing file (ENOENT)
 * only means it was not rendered yet.
 */
export class PdfStore {
  constructor(private readonly directory: string) {}

  async get(invoice: Invoice): Promise<Buffer> {
    const path = join(this.directory, `${invoice.id}.pdf`)
    try {
      return await readFile(path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    const pdf = render(invoice)
    try {
      await mkdir(this.directory, { recursive: true })
      await writeFile(path, pdf)
    } catch (err) {
      // A read-only disk (EROFS) or a full one (ENOSPC) costs a render next time, nothing more.
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'EROFS' && code !== 'ENOSPC' && code !== 'EACCES') throw err
    }
    return pdf
  }
}

/** A minimal one-page PDF with the invoice's number, lines and total. */
function render(invoice: Invoice): Buffer {
  const lines = invoice.lines.map((l) => `${l.quantity} x ${l.description} ${formatAmount(l.unitAmount, invoice.currency)}`)
  const text = [`Invoice ${invoice.number ?? invoice.id}`, ...lines, `Total ${formatAmount(invoice.total, invoice.currency)}`]
  const content = text.map((t, i) => `BT /F1 11 Tf 56 ${780 - i * 16} Td (${t.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n')
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n4 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj\n%%EOF\n`)
}
