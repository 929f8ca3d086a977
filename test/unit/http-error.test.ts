// A server's error message is shown on one line: its line breaks escaped, so it cannot add lines
// (a forged "image deleted" line, a fake prompt) to what the CLI prints.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';

describe('HttpError', () => {
  it('keeps a server message on one line, its line breaks shown as \\n and \\r', () => {
    const err = new HttpError(400, 'Bad Request', 'no such image\nSecond line forged\r\nThird', undefined, 'http://gl/v2/images/x');
    expect(err.message).toBe('HTTP 400 Bad Request: no such image\\nSecond line forged\\r\\nThird');
    expect(err.serverMessage).toBe('no such image\\nSecond line forged\\r\\nThird');
    expect(err.message).not.toMatch(/[\r\n]/);
  });

  it('leaves an ordinary message as it is', () => {
    expect(new HttpError(404, 'Not Found', 'No image found with ID x', 'req-1', 'u').message).toBe('HTTP 404 Not Found: No image found with ID x');
  });
});
