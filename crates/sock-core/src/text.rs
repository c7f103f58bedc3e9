//! The pieces every family's text form is made of, written once: numbers ([`parse_num`]),
//! colon-separated hex bytes such as MAC and Bluetooth addresses ([`parse_hex_bytes`],
//! [`HexBytes`]), fields split at a separator ([`split_fields`]), and byte strings that are
//! not text ([`EscapedBytes`], [`unescape_bytes`]; the AF_UNIX form is [`fmt_unix_path`]).
//!
//! The number rules are the same in every text form of the workspace: decimal, or hex after
//! `0x`/`0X`; no sign, no space, no empty field; a value too large for the field is an error
//! that names the field. So `"+1:+2"` and `"1:0x+2"` are refused everywhere alike.
//!
//! ```
//! use sock::text::parse_num;
//! assert_eq!(parse_num::<u32>("0x10", "port")?, 16);
//! assert_eq!(parse_num::<u8>("255", "prio")?, 255);
//! let e = parse_num::<u8>("256", "prio").unwrap_err();
//! assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
//! assert_eq!(e.to_string(), "prio: `256` does not fit u8");
//! assert_eq!(parse_num::<u32>("+1", "cid").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::fmt;
use std::io;

use crate::error::invalid_input;

/// Parses one numeric field of a text form: decimal digits, or hex digits after `0x`/`0X`.
/// No sign, space or empty string; a value that does not fit `T` is an error naming `field`.
///
/// Errors: `InvalidInput` with the message `"{field}: ..."`.
///
/// ```
/// use sock::text::parse_num;
/// assert_eq!(parse_num::<u16>("8080", "port")?, 8080);
/// assert_eq!(parse_num::<u32>("0X7e8", "can id")?, 0x7e8);
/// for bad in ["", "-1", " 1", "0x", "1e3"] {
///     assert!(parse_num::<u32>(bad, "port").is_err(), "{bad:?}");
/// }
/// assert_eq!(parse_num::<u8>("300", "ttl").unwrap_err().to_string(), "ttl: `300` does not fit u8");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn parse_num<T: TryFrom<u64>>(s: &str, field: &str) -> io::Result<T> {
    let (digits, radix) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => (hex, 16),
        None => (s, 10),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit())) {
        return Err(invalid_input(field, &format!("`{s}` is not a decimal or 0x-hex number")));
    }
    let too_big = || {
        let ty = std::any::type_name::<T>().rsplit("::").next().unwrap_or("the field");
        invalid_input(field, &format!("`{s}` does not fit {ty}"))
    };
    let value = u64::from_str_radix(digits, radix).map_err(|_| too_big())?;
    T::try_from(value).map_err(|_| too_big())
}

/// Splits `s` at `sep` into exactly `N` fields; anything else is `InvalidInput` naming
/// `what` (e.g. "address") and the `expected` shape (e.g. "`cid:port`").
///
/// ```
/// use sock::text::split_fields;
/// let [cid, port] = split_fields("2:1234", ':', "address", "`cid:port`")?;
/// assert_eq!((cid, port), ("2", "1234"));
/// let e = split_fields::<2>("2:1234:5", ':', "address", "`cid:port`").unwrap_err();
/// assert_eq!(e.to_string(), "address: expected `cid:port`");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn split_fields<'a, const N: usize>(s: &'a str, sep: char, what: &str, expected: &str) -> io::Result<[&'a str; N]> {
    let mut out = [""; N];
    let mut parts = s.split(sep);
    for slot in &mut out {
        *slot = parts.next().ok_or_else(|| invalid_input(what, &format!("expected {expected}")))?;
    }
    if parts.next().is_some() {
        return Err(invalid_input(what, &format!("expected {expected}")));
    }
    Ok(out)
}

/// Parses `N` bytes written as two hex digits each, separated by `sep` (`01:23:45:67:89:ab`),
/// in the order written. Errors name `field`.
///
/// ```
/// use sock::text::parse_hex_bytes;
/// let mac: [u8; 6] = parse_hex_bytes("02:00:5e:10:00:ff", ':', "mac")?;
/// assert_eq!(mac, [0x02, 0x00, 0x5e, 0x10, 0x00, 0xff]);
/// assert!(parse_hex_bytes::<6>("02:00:5e:10:00", ':', "mac").is_err()); // five bytes
/// assert!(parse_hex_bytes::<2>("2:00", ':', "mac").is_err()); // one digit
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn parse_hex_bytes<const N: usize>(s: &str, sep: char, field: &str) -> io::Result<[u8; N]> {
    let bad = || invalid_input(field, &format!("expected {N} two-digit hex bytes separated by `{sep}`"));
    let mut out = [0u8; N];
    let mut parts = s.split(sep);
    for byte in &mut out {
        let part = parts.next().ok_or_else(bad)?;
        if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        *byte = u8::from_str_radix(part, 16).map_err(|_| bad())?;
    }
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(out)
}

/// Displays bytes as two lower-case hex digits each, separated by `:` (`HexBytes(&mac)`),
/// the form [`parse_hex_bytes`] reads back. `{:X}` (upper hex) prints upper-case digits, as
/// Bluetooth addresses are written.
///
/// ```
/// use sock::text::{parse_hex_bytes, HexBytes};
/// let mac = [0x02u8, 0x00, 0x5e, 0x10, 0x00, 0xab];
/// assert_eq!(HexBytes(&mac).to_string(), "02:00:5e:10:00:ab");
/// assert_eq!(format!("{:X}", HexBytes(&mac)), "02:00:5E:10:00:AB");
/// assert_eq!(parse_hex_bytes::<6>(&HexBytes(&mac).to_string(), ':', "mac")?, mac);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct HexBytes<'a>(pub &'a [u8]);

impl HexBytes<'_> {
    fn write(&self, f: &mut fmt::Formatter<'_>, upper: bool) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            if upper {
                write!(f, "{b:02X}")?;
            } else {
                write!(f, "{b:02x}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for HexBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

impl fmt::UpperHex for HexBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

/// Displays bytes as text that [`unescape_bytes`] reads back exactly: printable UTF-8
/// characters as they are, `\` as `\\`, every other byte (control characters, invalid
/// UTF-8) as `\xHH`. The text form of names that are bytes, not strings (AF_UNIX paths and
/// abstract names).
///
/// ```
/// use sock::text::{unescape_bytes, EscapedBytes};
/// let name = b"app\n\xffsock\\1";
/// let text = EscapedBytes(name).to_string();
/// assert_eq!(text, r"app\x0a\xffsock\\1");
/// let mut out = [0u8; 32];
/// let n = unescape_bytes(&text, &mut out, "name")?;
/// assert_eq!(&out[..n], name);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct EscapedBytes<'a>(pub &'a [u8]);

impl fmt::Display for EscapedBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        for chunk in self.0.utf8_chunks() {
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
}

/// Reverses [`EscapedBytes`] into `out`; returns the length. Unknown escapes, a `\x` without
/// two hex digits, or more bytes than `out` holds are `InvalidInput` naming `field`.
///
/// ```
/// use sock::text::unescape_bytes;
/// let mut out = [0u8; 8];
/// let n = unescape_bytes(r"a\x00b\\", &mut out, "path")?;
/// assert_eq!(&out[..n], b"a\0b\\");
/// assert!(unescape_bytes(r"\q", &mut out, "path").is_err()); // unknown escape
/// assert!(unescape_bytes("nine byte", &mut out, "path").is_err()); // does not fit `out`
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn unescape_bytes(text: &str, out: &mut [u8], field: &str) -> io::Result<usize> {
    let bytes = text.as_bytes();
    let (mut len, mut i) = (0, 0);
    while i < bytes.len() {
        let b = match bytes[i] {
            b'\\' => match bytes.get(i + 1) {
                Some(b'\\') => {
                    i += 2;
                    b'\\'
                }
                Some(b'x') => {
                    let hex = bytes.get(i + 2..i + 4).and_then(|h| std::str::from_utf8(h).ok());
                    let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) else {
                        return Err(invalid_input(field, "`\\x` must be followed by two hex digits"));
                    };
                    i += 4;
                    value
                }
                _ => return Err(invalid_input(field, "unknown escape (only `\\\\` and `\\xHH`)")),
            },
            other => {
                i += 1;
                other
            }
        };
        let Some(slot) = out.get_mut(len) else {
            return Err(invalid_input(field, "too long"));
        };
        *slot = b;
        len += 1;
    }
    Ok(len)
}

/// Writes the one text form of an `AF_UNIX` address from the significant bytes of its
/// `sun_path` (CPython's `bytes` form: empty when unnamed, a leading NUL for an abstract
/// name, no terminating NUL for a pathname): `""`, `@name`, or the path, escaped by
/// [`EscapedBytes`], with a path's leading `@` written `\x40` so it cannot read as abstract.
///
/// ```
/// use std::fmt;
/// // A family crate's address type prints its text form with it.
/// struct UnixPath(Vec<u8>);
/// impl fmt::Display for UnixPath {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         sock::text::fmt_unix_path(f, &self.0)
///     }
/// }
/// assert_eq!(UnixPath(b"/run/app.sock".to_vec()).to_string(), "/run/app.sock");
/// assert_eq!(UnixPath(b"\0name".to_vec()).to_string(), "@name");
/// assert_eq!(UnixPath(b"@file".to_vec()).to_string(), r"\x40file");
/// assert_eq!(UnixPath(Vec::new()).to_string(), "");
/// ```
pub fn fmt_unix_path(f: &mut fmt::Formatter<'_>, sun_path: &[u8]) -> fmt::Result {
    match sun_path.split_first() {
        None => Ok(()),
        Some((0, name)) => write!(f, "@{}", EscapedBytes(name)),
        Some((b'@', rest)) => write!(f, "\\x40{}", EscapedBytes(rest)),
        Some(_) => write!(f, "{}", EscapedBytes(sun_path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_num::<u32>("0", "x").unwrap(), 0);
        assert_eq!(parse_num::<u32>("007", "x").unwrap(), 7);
        assert_eq!(parse_num::<u32>("0XfF", "x").unwrap(), 255);
        assert_eq!(parse_num::<u32>("4294967295", "x").unwrap(), u32::MAX);
        for bad in ["", "0x", "+1", "-1", " 1", "1 ", "0x+2", "1e3", "0b1", "1_000", "٣"] {
            let e = parse_num::<u32>(bad, "cid").unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
            assert!(e.to_string().starts_with("cid: "), "{e}");
        }
        for big in ["4294967296", "0x100000000", "99999999999999999999999"] {
            assert_eq!(
                parse_num::<u32>(big, "port").unwrap_err().to_string(),
                format!("port: `{big}` does not fit u32")
            );
        }
    }

    #[test]
    fn fields_and_hex() {
        assert_eq!(split_fields::<2>("1:2", ':', "address", "`a:b`").unwrap(), ["1", "2"]);
        for bad in ["1", "1:2:3"] {
            let e = split_fields::<2>(bad, ':', "address", "`a:b`").unwrap_err();
            assert_eq!(e.to_string(), "address: expected `a:b`");
        }
        let mac = parse_hex_bytes::<6>("01:23:45:67:89:aB", ':', "hwaddr").unwrap();
        assert_eq!(mac, [1, 0x23, 0x45, 0x67, 0x89, 0xab]);
        assert_eq!(HexBytes(&mac).to_string(), "01:23:45:67:89:ab");
        assert_eq!(format!("{:X}", HexBytes(&mac)), "01:23:45:67:89:AB");
        for bad in ["01:23:45:67:89", "01:23:45:67:89:ab:cd", "1:23:45:67:89:ab", "01:23:45:67:89:+b", ""] {
            assert_eq!(parse_hex_bytes::<6>(bad, ':', "hwaddr").unwrap_err().kind(), io::ErrorKind::InvalidInput);
        }
    }

    proptest! {
        #[test]
        fn numbers_round_trip(v in any::<u64>(), hex in any::<bool>()) {
            let text = if hex { format!("{v:#x}") } else { v.to_string() };
            prop_assert_eq!(parse_num::<u64>(&text, "n").unwrap(), v);
            let narrow = parse_num::<u16>(&text, "n");
            prop_assert_eq!(narrow.ok(), u16::try_from(v).ok());
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,24}") {
            let _ = parse_num::<u32>(&s, "n");
            let _ = parse_hex_bytes::<6>(&s, ':', "mac");
            let _ = split_fields::<3>(&s, ':', "a", "b");
        }

        #[test]
        fn hex_bytes_round_trip(b in any::<[u8; 6]>()) {
            prop_assert_eq!(parse_hex_bytes::<6>(&HexBytes(&b).to_string(), ':', "m").unwrap(), b);
            prop_assert_eq!(parse_hex_bytes::<6>(&format!("{:X}", HexBytes(&b)), ':', "m").unwrap(), b);
        }
    }
}
