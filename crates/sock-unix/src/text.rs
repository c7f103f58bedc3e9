//! The text form of [`UnixAddr`]: `@name` for abstract names, the path otherwise, with `\\`
//! and `\xHH` escapes so that every address round-trips (see [`UnixAddr`]).

use std::fmt;
use std::io;
use std::str::FromStr;

use crate::addr::UnixAddr;
use crate::consts::UNIX_PATH_MAX;

impl fmt::Display for UnixAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        sock_core::text::fmt_unix_path(f, self.sun_path())
    }
}

/// Reverses the escaping of the text form into a `sun_path`-sized buffer; returns the length.
fn unescape(text: &str, out: &mut [u8; UNIX_PATH_MAX + 1]) -> io::Result<usize> {
    sock_core::text::unescape_bytes(text, out, "address")
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
