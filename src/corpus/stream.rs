//! Inputs that are not plain files: opening a path that must be a regular file without
//! blocking on a FIFO, and reading standard input with a bound, refusing a binary or
//! badly encoded stream as soon as its first bad byte arrives rather than at its end.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use super::{CorpusError, LoadOptions};

/// Opens `path` for reading if it is a regular file. The open does not wait for a FIFO's
/// writer, and a FIFO, a device (`/dev/zero`) or a socket is refused with an error that
/// says what it is: reading one would block forever or never end.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let md = file.metadata()?;
    if md.is_file() {
        // Regular files ignore O_NONBLOCK: reads stay ordinary blocking reads.
        return Ok(file);
    }
    let ft = md.file_type();
    let kind = if md.is_dir() {
        "a directory"
    } else if ft.is_fifo() {
        "a FIFO (named pipe)"
    } else if ft.is_char_device() {
        "a character device"
    } else if ft.is_block_device() {
        "a block device"
    } else if ft.is_socket() {
        "a socket"
    } else {
        "not a file"
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file: it is {kind}"),
    ))
}

/// How much is read from standard input unless `QARIN_STDIN_LIMIT` says otherwise.
pub const DEFAULT_STDIN_LIMIT: u64 = 512 << 20;

/// The bound on standard input: `QARIN_STDIN_LIMIT` (bytes, or with a K, M or G suffix),
/// else [`DEFAULT_STDIN_LIMIT`].
pub fn stdin_limit() -> Result<u64, CorpusError> {
    match std::env::var("QARIN_STDIN_LIMIT") {
        Ok(v) if !v.trim().is_empty() => parse_size(&v).ok_or(CorpusError::BadLimit { value: v }),
        _ => Ok(DEFAULT_STDIN_LIMIT),
    }
}

/// `123`, `64K`, `512M`, `2G` (binary multiples, case-insensitive).
pub(crate) fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (digits, shift) = match s.as_bytes().last()?.to_ascii_uppercase() {
        b'K' => (&s[..s.len() - 1], 10),
        b'M' => (&s[..s.len() - 1], 20),
        b'G' => (&s[..s.len() - 1], 30),
        _ => (s, 0),
    };
    let n: u64 = digits.trim().parse().ok()?;
    n.checked_mul(1 << shift).filter(|&n| n > 0)
}

/// Reads `r` to its end, `limit` bytes at most. A NUL byte, a UTF-16 byte-order mark or
/// (unless `lossy`) invalid UTF-8 stops the read at once with the error `decode` would
/// give for the whole input, so `/dev/zero` or `/dev/urandom` piped in fail at once.
pub fn read_stream(
    path: &Path,
    mut r: impl Read,
    opts: &LoadOptions,
    limit: u64,
) -> Result<Vec<u8>, CorpusError> {
    const CHUNK: usize = 64 << 10;
    let mut bytes: Vec<u8> = Vec::new();
    // Bytes before this offset are known to be valid UTF-8 (after any BOM).
    let mut checked = 0;
    loop {
        let len = bytes.len();
        bytes.resize(len + CHUNK, 0);
        let n = match r.read(&mut bytes[len..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                bytes.truncate(len);
                continue;
            }
            Err(cause) => {
                return Err(CorpusError::Unreadable {
                    path: path.to_path_buf(),
                    cause,
                });
            }
        };
        bytes.truncate(len + n);
        let eof = n == 0;
        if bytes.len() as u64 > limit {
            return Err(CorpusError::TooLong {
                path: path.to_path_buf(),
                limit,
            });
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            // UTF-16: NULs are part of the text; `decode` checks it whole.
            if eof {
                return Ok(bytes);
            }
            continue;
        }
        if let Some(i) = memchr::memchr(0, &bytes[len..]) {
            return Err(CorpusError::Binary {
                path: path.to_path_buf(),
                offset: len + i,
            });
        }
        if checked == 0 && bytes.len() < 3 && !eof {
            continue; // a BOM may still be coming
        }
        if checked == 0 && bytes.starts_with(b"\xEF\xBB\xBF") {
            checked = 3;
        }
        if !opts.lossy {
            let end = if eof {
                bytes.len()
            } else {
                checked + super::bigfile::settled(&bytes[checked..])
            };
            if let Err(e) = std::str::from_utf8(&bytes[checked..end]) {
                // A sequence cut by the end of what has come so far is not an error yet.
                if e.error_len().is_some() || eof {
                    return Err(CorpusError::InvalidUtf8 {
                        path: path.to_path_buf(),
                        offset: checked + e.valid_up_to(),
                    });
                }
            }
            checked = end.max(checked);
        }
        if eof {
            return Ok(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], lossy: bool, limit: u64) -> Result<Vec<u8>, String> {
        read_stream(
            Path::new("-"),
            bytes,
            &LoadOptions {
                lossy,
                ..Default::default()
            },
            limit,
        )
        .map_err(|e| e.to_string())
    }

    #[test]
    fn good_text_comes_back_whole_in_small_reads() {
        let text = "مرحبا\r\nبالعالم 𝄞\n".repeat(20_000);
        // One byte at a time through a reader that splits every sequence.
        let slow = io::BufReader::with_capacity(1, text.as_bytes());
        let got = read_stream(Path::new("-"), slow, &LoadOptions::default(), u64::MAX).unwrap();
        assert_eq!(got, text.as_bytes());
        assert_eq!(
            read(b"\xEF\xBB\xBFab", false, 10).unwrap(),
            b"\xEF\xBB\xBFab"
        );
        assert_eq!(read(b"", false, 10).unwrap(), b"");
    }

    #[test]
    fn bad_streams_fail_as_decode_would() {
        let opts = LoadOptions::default();
        for bytes in [
            &b"abc\0def"[..],
            b"ab\xC3(",
            b"ab\xE2\x82",
            b"\xEF\xBB\xBFx\xFFy",
        ] {
            let want = super::super::decode(Path::new("-"), bytes, &opts).unwrap_err();
            assert_eq!(read(bytes, false, 100).unwrap_err(), want.to_string());
        }
        assert_eq!(read(b"ab\xFFc", true, 100).unwrap(), b"ab\xFFc");
    }

    #[test]
    fn endless_inputs_stop_at_the_first_bad_byte_or_the_limit() {
        let zeros = io::repeat(0);
        let err = read_stream(Path::new("-"), zeros, &LoadOptions::default(), u64::MAX);
        assert!(matches!(err, Err(CorpusError::Binary { offset: 0, .. })));
        let letters = io::repeat(b'a');
        let err = read_stream(Path::new("-"), letters, &LoadOptions::default(), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("more than 1048576 bytes") && err.contains("QARIN_STDIN_LIMIT"),
            "{err}"
        );
        assert_eq!(read(b"abcd", false, 4).unwrap(), b"abcd");
        assert!(read(b"abcde", false, 4).is_err());
    }

    #[test]
    fn sizes_parse_with_suffixes() {
        assert_eq!(parse_size("123"), Some(123));
        assert_eq!(parse_size("64k"), Some(64 << 10));
        assert_eq!(parse_size(" 2G "), Some(2 << 30));
        assert_eq!(parse_size("0"), None);
        assert_eq!(parse_size("M"), None);
        assert_eq!(parse_size("-1"), None);
        assert_eq!(parse_size("99999999999999G"), None);
    }

    #[test]
    fn special_files_are_refused_without_blocking() {
        let err = open_regular(Path::new("/dev/zero"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("character device"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(status.is_ok_and(|s| s.success()), "mkfifo");
        let err = open_regular(&fifo).unwrap_err().to_string();
        assert!(err.contains("FIFO"), "{err}");
        assert!(open_regular(dir.path()).is_err());
    }
}
