/**
 * Print CSS of the formula sheet, carried by its first Markdown cell (nbconvert
 * keeps a <style> block of a Markdown cell as it is). A4 portrait, 12 mm
 * margins, 9 pt text, no prompts; the set-up cell after the title and code
 * cells without output are left out; each update rule prints its TypeScript and NumPy twins side by
 * side, with the NumPy <details> opened (Chromium hides the content of a
 * closed <details> in its ::details-content part). The class names are those
 * of nbconvert's "lab" template; screen display is not touched.
 */
export const PRINT_CSS = `@media print {
  @page { size: A4; margin: 12mm; }
  html, body, .jp-RenderedHTMLCommon, .jp-RenderedMarkdown, .jp-OutputArea-output { font-size: 9pt !important; line-height: 1.4 !important; background: #fff !important; }
  .jp-InputPrompt, .jp-OutputPrompt, .jp-InputArea-prompt, .jp-OutputArea-prompt, .anchor-link { display: none !important; }
  .jp-CodeCell.jp-mod-noOutputs, .jp-Cell:not(.jp-Cell ~ .jp-Cell) + .jp-CodeCell { display: none !important; }
  .jp-Notebook, .jp-Cell, .jp-Cell-inputWrapper, .jp-Cell-outputWrapper, .jp-InputArea, .jp-OutputArea, .jp-OutputArea-child { padding: 0 !important; margin: 0 !important; width: auto !important; max-width: none !important; box-shadow: none !important; }
  .jp-RenderedHTMLCommon { padding: 0 !important; }
  .jp-RenderedHTMLCommon h1 { font-size: 14pt !important; margin: 0 0 2mm !important; }
  .jp-RenderedHTMLCommon h2 { font-size: 11.5pt !important; margin: 3mm 0 1.5mm !important; padding-bottom: 0.5mm; border-bottom: 1px solid #888; }
  .jp-RenderedHTMLCommon h3 { font-size: 10pt !important; margin: 2.5mm 0 1mm !important; }
  .jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li { margin: 0 0 1.2mm !important; }
  .jp-RenderedHTMLCommon table { font-size: 8.5pt !important; border-collapse: collapse; margin: 0 0 1.5mm !important; }
  .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon td { padding: 0.5mm 1.5mm !important; border: 0.5px solid #bbb !important; text-align: left !important; vertical-align: middle; }
  .jp-RenderedHTMLCommon tbody tr:nth-child(odd), .jp-RenderedHTMLCommon tbody tr:nth-child(even) { background: #fff !important; }
  pre, code { font-size: 7.5pt !important; line-height: 1.3 !important; white-space: pre-wrap !important; word-break: break-word; }
  pre { margin: 0 0 1.5mm !important; padding: 1mm 1.5mm !important; background: #f5f5f5 !important; border: none !important; }
  .jp-InputArea-editor, .CodeMirror, .jp-InputArea-editor .highlight { padding: 0 !important; margin: 0 !important; height: auto !important; min-height: 0 !important; border: none !important; background: none !important; }
  .jp-RenderedMarkdown:has(> details) { display: grid !important; grid-template-columns: 1fr 1fr; column-gap: 2mm; align-items: start; }
  .jp-RenderedMarkdown:has(> details) > * { grid-column: 1 / -1; }
  .jp-RenderedMarkdown:has(> details) > .highlight { grid-column: 1; }
  .jp-RenderedMarkdown:has(> details) > details { grid-column: 2; }
  details { display: block; margin: 0 0 1.5mm; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; font-size: 7pt; color: #555; }
  details > summary::-webkit-details-marker { display: none; }
  table, pre, details, .jp-Cell-outputWrapper, .jp-RenderedMarkdown:has(> details) { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}`;
