//! The text form of [`UnixAddr`]: `@name` for abstract names, the path otherwise, with `\\`
//! and `\xHH` escapes so that every address round-trips (see [`UnixAddr`]).

use std::fmt::{self, Write as _};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::str::FromStr;

use sock_core::invalid_input;

use crate::addr::{UnixAddr, UnixAddrKind};
use crate::consts::UNIX_PATH_MAX;

impl fmt::Display for UnixAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            UnixAddrKind::Unnamed => Ok(()),
            UnixAddrKind::Abstract(name) => {
                f.write_char('@')?;
                write_escaped(f, name)
            }
            UnixAddrKind::Pathname(path) => {
                let bytes = path.as_os_str().as_bytes();
                match bytes.split_first() {
                    Some((b'@', rest)) => {
                        f.write_str("\\x40")?;
                        write_escaped(f, rest)
                    }
                    _ => write_escaped(f, bytes),
                }
            }
        }
    }
}

/// Writes `bytes`: printable UTF-8 characters as they are, `\` as `\\`, every other byte as
/// `\xHH`.
fn write_escaped(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                f.write_str("\\\\")?;
            } else if c.is_control() {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    write!(f, "\\x{b:02x}")?;
                }
            } else {
                f.write_char(c)?;
            }
        }
        for b in chunk.invalid() {
            write!(f, "\\x{b:02x}")?;
        }
    }
    Ok(())
}

/// Reverses [`write_escaped`] into a `sun_path`-sized buffer; returns the length.
fn unescape(text: &str, out: &mut [u8; UNIX_PATH_MAX + 1]) -> io::Result<usize> {
    let bytes = text.as_bytes();
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = match bytes[i] {
            b'\\' => match bytes.get(i + 1) {
                Some(b'\\') => {
                    i += 2;
                    b'\\'
                }
                Some(b'x') => {
                    let hex = bytes.get(i + 2..i + 4).and_then(|h| std::str::from_utf8(h).ok());
                    let value = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                    let Some(value) = value else {
                        return Err(invalid_input("address", "`\\x` must be followed by two hex digits"));
                    };
                    i += 4;
                    value
                }
                _ => return Err(invalid_input("address", "unknown escape (only `\\\\` and `\\xHH`)")),
            },
            other => {
                i += 1;
                other
            }
        };
        let Some(slot) = out.get_mut(len) else {
            return Err(invalid_input("address", "AF_UNIX path too long"));
        };
        *slot = b;
        len += 1;
    }
    Ok(len)
}

impl FromStr for UnixAddr {
    type Err = io::Error;

    /// Parses the text form of [`UnixAddr`]: `""` is unnamed, `@name` is abstract, anything
    /// else a pathname (which must not contain `\x00`). Errors are `InvalidInput`.
    ///
    /// Every address the kernel can report parses, so a pathname may have 108 bytes here (a
    /// path filling `sun_path`), one more than [`UnixAddr::pathname`] accepts.
    fn from_str(text: &str) -> io::Result<UnixAddr> {
        let mut buf = [0u8; UNIX_PATH_MAX + 1];
        if let Some(name) = text.strip_prefix('@') {
            let len = unescape(name, &mut buf)?;
            return UnixAddr::abstract_name(&buf[..len]);
        }
        if text.is_empty() {
            return Ok(UnixAddr::unnamed());
        }
        let len = unescape(text, &mut buf)?;
        UnixAddr::kernel_pathname(&buf[..len], "address")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(addr: UnixAddr, text: &str) {
        assert_eq!(addr.to_string(), text);
        assert_eq!(text.parse::<UnixAddr>().unwrap(), addr);
    }

    #[test]
    fn forms() {
        check(UnixAddr::unnamed(), "");
        check(UnixAddr::abstract_name(b"").unwrap(), "@");
        check(UnixAddr::abstract_name(b"python-test-hello\0\xff").unwrap(), "@python-test-hello\\x00\\xff");
        check(UnixAddr::pathname("/tmp/caf\u{e9}.sock").unwrap(), "/tmp/caf\u{e9}.sock");
        check(UnixAddr::pathname("@not-abstract").unwrap(), "\\x40not-abstract");
        check(UnixAddr::pathname("a\\b\nc").unwrap(), "a\\\\b\\x0ac");
        check(UnixAddr::from_bytes(b"/tmp/\xff\xfe").unwrap(), "/tmp/\\xff\\xfe");
        check(UnixAddr::abstract_name("x\u{85}y").unwrap(), "@x\\xc2\\x85y");
    }

    #[test]
    fn bad_text() {
        for bad in ["a\\q", "a\\x4", "a\\xzz", "\\x00abs", "a\\x00b", "@\\", "\\"] {
            let err = bad.parse::<UnixAddr>().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad}");
        }
        let long = "x".repeat(109).parse::<UnixAddr>().unwrap_err();
        assert_eq!(long.kind(), io::ErrorKind::InvalidInput);
        assert!(long.to_string().contains("too long"), "{long}");
        assert_eq!("x".repeat(107).parse::<UnixAddr>().unwrap().sun_path().len(), 107);
        assert_eq!(format!("@{}", "\\x00".repeat(107)).parse::<UnixAddr>().unwrap().sun_path().len(), 108);
        let e = format!("@{}", "\\x00".repeat(200)).parse::<UnixAddr>().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    }

    /// Issue 13: a 108-byte path (fills `sun_path`, no NUL) printed text that did not parse.
    #[test]
    fn full_sun_path_text_round_trips() {
        let text = format!("/{}", "p".repeat(107));
        let addr: UnixAddr = text.parse().unwrap();
        assert_eq!(addr.sun_path().len(), UNIX_PATH_MAX);
        assert_eq!(addr.to_string(), text);
        let raw = sock_core::SockAddr::from(addr);
        assert_eq!(raw.len(), 2 + UNIX_PATH_MAX);
        assert_eq!(<UnixAddr as sock_core::FamilyAddr>::decode(&raw).unwrap(), addr);
    }
}
