// The flags of the data check (./content-check.ts), apart from it: image-flags.ts declares them for
// the commands that upload, and a command that only imports image-flags.ts (image-list, for the
// format lists) does not load the format inspector with them.
import { type FlagValues, noneInGlanceclient, presence } from '../../flags/flag.js';

export const AUTO_DISK_FORMAT = 'auto';

/** Ours alone: python-glanceclient uploads whatever it is given. */
export const CONTENT_CHECK_FLAGS = noneInGlanceclient({
  noFormatCheck: presence('--no-format-check', "Send the data even when its content contradicts its disk format (--disk-format, or the image's)"),
  allowUnsafeImage: presence(
    '--allow-unsafe-image',
    'Send the data even when the format inspector finds it unsafe (backing or data files, VMDK extents, polyglots)',
  ),
});

export type ContentCheckFlags = FlagValues<typeof CONTENT_CHECK_FLAGS>;
