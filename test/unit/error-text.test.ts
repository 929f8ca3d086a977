// A server's error text: verbatim as python-glanceclient prints it (the v2 dialect), or readable:
// webob's HTML escapes decoded and Glance's Latin-1 reading of a UTF-8 path undone (everything else).
import { describe, expect, it } from 'vitest';
import { extractMessage, undoLatin1 } from '../../src/session/errors.js';

/** webob's error page, as Glance sends it to a client that accepts HTML. */
const page = (message: string) =>
  `<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  ${message}<br /><br />\n\n\n\n </body>\n</html>`;

describe('server error text', () => {
  const escaped = 'No image found with ID &#195;&#188;n&#195;&#175;c&#195;&#184;d&#195;&#169; in &#x27;a&#x27; &lt;b&gt; &amp; &quot;c&quot; &#252;';

  it('verbatim: the escapes stay, as glanceclient prints them', () => {
    expect(extractMessage(page(escaped), 'verbatim')).toBe(escaped);
  });

  it('readable: escapes decoded, the Latin-1 garbling undone, a real Latin-1 letter kept', () => {
    expect(extractMessage(page(escaped), 'readable')).toBe(`No image found with ID ünïcødé in 'a' <b> & "c" ü`);
  });

  it('readable: a JSON message garbled by the server is undone too', () => {
    const json = JSON.stringify({ message: 'Ã¼nÃ¯ not found in the member list of the image x.<br /><br />\n\n\n', code: '404 Not Found' });
    expect(extractMessage(json, 'readable')).toBe('ünï not found in the member list of the image x.');
  });

  it('undoLatin1 leaves text that is not UTF-8 read as Latin-1 alone', () => {
    for (const text of ['café', 'Ã alone', 'naïve Ã©tude', '日本語', 'Â', 'plain ascii']) {
      expect(undoLatin1(text)).toBe(text.replace('Ã©', 'é'));
    }
    expect(undoLatin1('\u00f0\u009f\u0098\u0080 and Ã©')).toBe('😀 and é');
  });

  it('an escape of no character (a surrogate, zero, beyond Unicode) is kept as written', () => {
    expect(extractMessage(page('&#55296; &#0; &#x110000; &#65;'), 'readable')).toBe('&#55296; &#0; &#x110000; A');
  });
});
