//! Text and packed forms of IP addresses: [`inet_aton`], [`inet_ntoa`], [`inet_pton`],
//! [`inet_ntop`]. Pure Rust, byte-for-byte what glibc does (the tests compare with it).

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr};

use sock_core::{context, family_name, invalid_input, ErrorContext, Family};

use crate::host::check_no_nul;

/// `{op} {target}: {text}`, `InvalidInput`: a text or packed address this module refuses.
#[cold]
fn refused(op: &'static str, target: impl fmt::Display, text: &'static str) -> io::Error {
    ErrorContext::new(io::Error::new(io::ErrorKind::InvalidInput, text), target).operation(op).into()
}

/// `AF_INET "1.2.3"`: the family and the text an address function was given.
struct Text<'a>(Option<Family>, &'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(family) = self.0 {
            write!(f, "{} ", family_name(family))?;
        }
        write!(f, "{:?}", self.1)
    }
}

/// `socket.inet_aton(ip_string)`: the 4 packed bytes (network order) of an IPv4 address in
/// any form inet(3) accepts: `a.b.c.d`, `a.b.c` (c is 16 bits), `a.b` (b is 24 bits), `a`
/// (32 bits), each part decimal, octal (`0` prefix) or hex (`0x` prefix). Like glibc, text
/// after a whitespace character is ignored.
///
/// Errors: `InvalidInput` naming the text, `inet_aton "1.2.3.256": illegal IP address
/// string` (CPython: "illegal IP address string passed to inet_aton"); a NUL character is
/// `InvalidInput` "ip_string: embedded null character" (CPython's `ValueError`).
///
/// ```
/// use sock::inet_aton;
/// assert_eq!(inet_aton("127.1")?, [127, 0, 0, 1]);
/// assert_eq!(inet_aton("0x7f.0.0.010")?, [127, 0, 0, 8]);
/// assert_eq!(inet_aton("4294967295")?, [255; 4]);
/// let bad = inet_aton("1.2.3.256").unwrap_err();
/// assert_eq!(bad.kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(bad.to_string(), r#"inet_aton "1.2.3.256": illegal IP address string"#);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_aton(ip_string: &str) -> io::Result<[u8; 4]> {
    check_no_nul("ip_string", ip_string)?;
    parse_aton(ip_string.as_bytes())
        .map(u32::to_be_bytes)
        .ok_or_else(|| refused("inet_aton", Text(None, ip_string), "illegal IP address string"))
}

/// One number of an inet(3) address as `strtoul(s, &end, 0)` reads it: the value (`None` on
/// overflow past 32 bits) and how many bytes it used.
fn strtoul0(s: &[u8]) -> (Option<u32>, usize) {
    let (radix, start) = match s {
        [b'0', b'x' | b'X', h, ..] if h.is_ascii_hexdigit() => (16, 2),
        [b'0', ..] => (8, 0),
        _ => (10, 0),
    };
    let mut value: Option<u32> = Some(0);
    let mut used = start;
    for &b in &s[start..] {
        let Some(d) = (b as char).to_digit(radix) else { break };
        value = value.and_then(|v| v.checked_mul(radix)).and_then(|v| v.checked_add(d));
        used += 1;
    }
    (value, used)
}

/// glibc's `inet_aton` on bytes: the address in host order.
fn parse_aton(s: &[u8]) -> Option<u32> {
    const MAX: [u32; 4] = [0xffff_ffff, 0x00ff_ffff, 0xffff, 0xff];
    let mut parts: [u8; 3] = [0; 3];
    let mut count = 0;
    let mut rest = s;
    let last = loop {
        if !rest.first()?.is_ascii_digit() {
            return None;
        }
        let (value, used) = strtoul0(rest);
        let value = value?;
        rest = &rest[used..];
        if rest.first() == Some(&b'.') {
            if count > 2 || value > 0xff {
                return None;
            }
            parts[count] = value as u8;
            count += 1;
            rest = &rest[1..];
        } else {
            break value;
        }
    };
    if let Some(&c) = rest.first() {
        if !matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            return None;
        }
    }
    if last > MAX[count] {
        return None;
    }
    let mut word = 0u32;
    for (i, p) in parts[..count].iter().enumerate() {
        word |= u32::from(*p) << (24 - 8 * i);
    }
    Some(word | last)
}

/// `socket.inet_ntoa(packed_ip)`: the dotted-quad text of 4 packed bytes.
///
/// Errors: any other length is `InvalidInput`, `inet_ntoa: packed_ip: 3 bytes, an IPv4
/// address has 4` (CPython: "packed IP wrong length for inet_ntoa").
///
/// ```
/// assert_eq!(sock::inet_ntoa(&[10, 0, 0, 1])?, "10.0.0.1");
/// let short = sock::inet_ntoa(&[10, 0, 0]).unwrap_err();
/// assert_eq!(short.to_string(), "inet_ntoa: packed_ip: 3 bytes, an IPv4 address has 4");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_ntoa(packed_ip: &[u8]) -> io::Result<String> {
    let bytes: [u8; 4] = packed_ip.try_into().map_err(|_| bad_length("inet_ntoa", Family::INET, packed_ip.len()))?;
    Ok(Ipv4Addr::from(bytes).to_string())
}

/// `{op}: packed_ip: {len} bytes, an IPv4 address has 4` (16 for IPv6), `InvalidInput`.
#[cold]
fn bad_length(op: &'static str, family: Family, len: usize) -> io::Error {
    let (name, want) = if family == Family::INET6 { ("IPv6", 16) } else { ("IPv4", 4) };
    let text = format!("{len} bytes, an {name} address has {want}");
    ErrorContext::new(invalid_input("packed_ip", &text), "").operation(op).into()
}

/// `address_family` is CPython's integer (`AF_INET`) or a [`Family`].
///
/// Errors: an illegal string is `InvalidInput` naming the family and the text, `inet_pton
/// AF_INET "1.2.3": illegal IP address string` (CPython: "illegal IP address string passed to
/// inet_pton"); another family is the OS error `EAFNOSUPPORT`, as in CPython, named the same
/// way (read it with [`sock::errno`](sock_core::errno)); a NUL character is `InvalidInput`
/// "ip_string: embedded null character" (CPython's `ValueError`, whatever the family).
///
/// ```
/// use sock::consts::{AF_INET, AF_INET6};
/// use sock::inet_pton;
/// assert_eq!(inet_pton(AF_INET, "1.2.3.4")?, [1, 2, 3, 4]);
/// assert_eq!(inet_pton(sock::Family::INET6, "::1")?.len(), 16);
/// let bad = inet_pton(AF_INET, "1.2.3").unwrap_err();
/// assert_eq!(bad.kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(bad.to_string(), r#"inet_pton AF_INET "1.2.3": illegal IP address string"#);
/// let unknown = inet_pton(12345, "1.2.3.4").unwrap_err();
/// assert_eq!(sock::errno(&unknown), Some(libc::EAFNOSUPPORT));
/// # let _ = AF_INET6;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_pton(address_family: impl Into<Family>, ip_string: &str) -> io::Result<Vec<u8>> {
    let family = address_family.into();
    check_no_nul("ip_string", ip_string)?;
    let illegal = || refused("inet_pton", Text(Some(family), ip_string), "illegal IP address string");
    match family {
        Family::INET => Ok(ip_string.parse::<Ipv4Addr>().map_err(|_| illegal())?.octets().to_vec()),
        Family::INET6 => Ok(ip_string.parse::<Ipv6Addr>().map_err(|_| illegal())?.octets().to_vec()),
        _ => Err(context(io::Error::from_raw_os_error(libc::EAFNOSUPPORT), "inet_pton", family_name(family))),
    }
}

/// `socket.inet_ntop(address_family, packed_ip)`: the standard text of packed bytes, exactly
/// as glibc writes it (IPv6: the longest run of two or more zero groups compressed, lower
/// case, `::a.b.c.d` and `::ffff:a.b.c.d` forms for IPv4-compatible and -mapped addresses).
///
/// `address_family` is CPython's integer (`AF_INET6`) or a [`Family`].
///
/// Errors (`InvalidInput`): a length that does not fit the family, `inet_ntop: packed_ip: 4
/// bytes, an IPv6 address has 16` (CPython: "invalid length of packed IP address string");
/// another family, `inet_ntop: address_family: AF_UNIX is not AF_INET or AF_INET6`.
///
/// ```
/// use sock::consts::AF_INET6;
/// let packed = [0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
/// assert_eq!(sock::inet_ntop(AF_INET6, &packed)?, "2001:db8::1");
/// assert_eq!(sock::inet_ntop(sock::Family::INET, &[192, 0, 2, 1])?, "192.0.2.1");
/// let short = sock::inet_ntop(AF_INET6, &[0; 4]).unwrap_err();
/// assert_eq!(short.to_string(), "inet_ntop: packed_ip: 4 bytes, an IPv6 address has 16");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_ntop(address_family: impl Into<Family>, packed_ip: &[u8]) -> io::Result<String> {
    let family = address_family.into();
    let bad_len = || bad_length("inet_ntop", family, packed_ip.len());
    match family {
        Family::INET => inet_ntoa(packed_ip).map_err(|_| bad_len()),
        Family::INET6 => Ok(ntop6(&packed_ip.try_into().map_err(|_| bad_len())?)),
        _ => {
            let text = format!("{} is not AF_INET or AF_INET6", family_name(family));
            Err(ErrorContext::new(invalid_input("address_family", &text), "").operation("inet_ntop").into())
        }
    }
}

/// glibc's `inet_ntop6`.
fn ntop6(bytes: &[u8; 16]) -> String {
    use std::fmt::Write;
    let words: [u16; 8] = std::array::from_fn(|i| u16::from_be_bytes([bytes[2 * i], bytes[2 * i + 1]]));
    // The longest run of zero words (the first one on a tie), if at least two long.
    let (mut best, mut cur): ((usize, usize), Option<(usize, usize)>) = ((0, 0), None);
    for (i, &w) in words.iter().enumerate() {
        cur = match (w, cur) {
            (0, None) => Some((i, 1)),
            (0, Some((b, l))) => Some((b, l + 1)),
            (_, _) => None,
        };
        if let Some((b, l)) = cur {
            if l > best.1 {
                best = (b, l);
            }
        }
    }
    let run = (best.1 >= 2).then_some(best);
    let mut out = String::with_capacity(40);
    let mut i = 0;
    while i < 8 {
        if let Some((b, l)) = run {
            if i == b {
                out.push(':');
                if b + l == 8 {
                    out.push(':');
                }
                i += l;
                continue;
            }
        }
        if i != 0 {
            out.push(':');
        }
        let embedded_v4 = i == 6 && run.is_some_and(|(b, l)| b == 0 && (l == 6 || (l == 5 && words[5] == 0xffff)));
        if embedded_v4 {
            let _ = write!(out, "{}", Ipv4Addr::new(bytes[12], bytes[13], bytes[14], bytes[15]));
            break;
        }
        let _ = write!(out, "{:x}", words[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::ffi::CString;

    mod glibc {
        use libc::c_int;
        extern "C" {
            pub fn inet_aton(cp: *const libc::c_char, inp: *mut u32) -> c_int;
            pub fn inet_ntop(
                af: c_int,
                src: *const libc::c_void,
                dst: *mut libc::c_char,
                size: u32,
            ) -> *const libc::c_char;
            pub fn inet_pton(af: c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> c_int;
        }
    }

    fn glibc_aton(s: &str) -> Option<[u8; 4]> {
        let c = CString::new(s).ok()?;
        let mut out = 0u32;
        // SAFETY: a C string and a valid out-pointer to 4 bytes.
        (unsafe { glibc::inet_aton(c.as_ptr(), &mut out) } == 1).then(|| out.to_ne_bytes())
    }

    fn glibc_ntop6(b: &[u8; 16]) -> String {
        let mut buf = [0u8; 64];
        // SAFETY: 16 source bytes, a 64-byte destination with its size.
        let p = unsafe { glibc::inet_ntop(libc::AF_INET6, b.as_ptr().cast(), buf.as_mut_ptr().cast(), 64) };
        assert!(!p.is_null());
        let end = buf.iter().position(|&c| c == 0).unwrap();
        String::from_utf8(buf[..end].to_vec()).unwrap()
    }

    fn glibc_pton(af: libc::c_int, s: &str) -> Option<Vec<u8>> {
        let c = CString::new(s).ok()?;
        let mut out = [0u8; 16];
        // SAFETY: a C string and a 16-byte destination (enough for either family).
        let ok = unsafe { glibc::inet_pton(af, c.as_ptr(), out.as_mut_ptr().cast()) } == 1;
        ok.then(|| out[..if af == libc::AF_INET { 4 } else { 16 }].to_vec())
    }

    #[test]
    fn reference_vectors() {
        let hex = |s: &str| {
            (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect::<Vec<_>>()
        };
        assert_eq!(
            inet_pton(libc::AF_INET6, "ad42:abc::127:0:254:2").unwrap(),
            hex("ad420abc000000000127000002540002")
        );
        assert_eq!(
            inet_pton(libc::AF_INET6, "42:a8b9:0:2:ffff:a29b:254.42.23.64").unwrap(),
            hex("0042a8b900000002ffffa29bfe2a1740")
        );
        assert_eq!(
            inet_ntop(libc::AF_INET6, &hex("0aef0b0105061001ffff999700550170")).unwrap(),
            "aef:b01:506:1001:ffff:9997:55:170"
        );
        let illegal = |family: &str, text: &str| {
            (io::ErrorKind::InvalidInput, format!("inet_pton {family} {text:?}: illegal IP address string"))
        };
        let err = |r: io::Result<Vec<u8>>| r.map_err(|e| (e.kind(), e.to_string())).unwrap_err();
        for bad in [":::", "1::abc::def", "1::260.2.3.0", "300.0.0.0", "1.2.3.4.5"] {
            assert_eq!(err(inet_pton(libc::AF_INET6, bad)), illegal("AF_INET6", bad), "{bad}");
            assert_eq!(err(inet_pton(libc::AF_INET, bad)), illegal("AF_INET", bad), "{bad}");
        }
        let unknown = inet_pton(9999, "1.2.3.4").unwrap_err();
        assert_eq!(sock_core::errno(&unknown), Some(libc::EAFNOSUPPORT));
        assert_eq!(
            unknown.to_string(),
            "inet_pton family 9999: Address family not supported by protocol (EAFNOSUPPORT)"
        );
        let err = |e: io::Error| (e.kind(), e.to_string());
        assert_eq!(
            err(inet_ntop(9999, &[0; 4]).unwrap_err()),
            (io::ErrorKind::InvalidInput, "inet_ntop: address_family: family 9999 is not AF_INET or AF_INET6".into())
        );
        assert_eq!(
            err(inet_ntop(libc::AF_INET, &[0; 16]).unwrap_err()),
            (io::ErrorKind::InvalidInput, "inet_ntop: packed_ip: 16 bytes, an IPv4 address has 4".into())
        );
        assert_eq!(
            err(inet_aton("1.2.3.4x").unwrap_err()),
            (io::ErrorKind::InvalidInput, r#"inet_aton "1.2.3.4x": illegal IP address string"#.into())
        );
        assert_eq!(inet_ntop(libc::AF_INET, &[1, 2, 3]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(inet_ntop(libc::AF_INET6, &[0; 15]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(inet_ntop(9999, &[0; 4]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(inet_ntoa(&[1, 2, 3, 4, 5]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    /// A NUL is CPython's "embedded null character", before the family check; glibc would
    /// read "1.2.3.4\0x" as 1.2.3.4.
    #[test]
    fn nul_is_embedded_null_character() {
        let nul = (io::ErrorKind::InvalidInput, "ip_string: embedded null character".to_string());
        let err = |e: io::Error| (e.kind(), e.to_string());
        assert_eq!(err(inet_aton("1.2.3.4\0x").unwrap_err()), nul);
        assert_eq!(err(inet_aton("1.2.3.4 \0").unwrap_err()), nul);
        assert_eq!(glibc_aton("1.2.3.4 "), Some([1, 2, 3, 4]));
        for af in [libc::AF_INET, libc::AF_INET6, 9999] {
            assert_eq!(err(inet_pton(af, "::1\0").unwrap_err()), nul, "{af}");
            assert_eq!(err(inet_pton(af, "1.2.3.4\0").unwrap_err()), nul, "{af}");
        }
    }

    #[test]
    fn aton_forms_equal_glibc() {
        let cases = [
            "1",
            "1.2",
            "1.2.3",
            "1.2.3.4",
            "0x7f.1",
            "0177.0.0.1",
            "08",
            "0x",
            "0x1g",
            "1.2.3.4 junk",
            "1.2.3.4\tx",
            "1.2.3.4x",
            "",
            " 1.2.3.4",
            "1..2",
            "1.2.",
            "256.1",
            "1.16777215",
            "1.16777216",
            "1.2.65535",
            "1.2.65536",
            "4294967295",
            "4294967296",
            "0xffffffff",
            "0x100000000",
            "00000000000000000001",
            "1.2.3.4.5",
            "-1",
            "+1",
        ];
        for c in cases {
            assert_eq!(inet_aton(c).ok(), glibc_aton(c), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn aton_equals_glibc(s in "[0-9xXa-fA-F. ]{0,20}") {
            prop_assert_eq!(inet_aton(&s).ok(), glibc_aton(&s));
        }

        #[test]
        fn ntop6_equals_glibc(words in proptest::array::uniform8(prop_oneof![Just(0u16), Just(0xffff), any::<u16>()])) {
            let mut b = [0u8; 16];
            for (i, w) in words.iter().enumerate() {
                b[2 * i..2 * i + 2].copy_from_slice(&w.to_be_bytes());
            }
            let text = inet_ntop(libc::AF_INET6, &b).unwrap();
            prop_assert_eq!(&text, &glibc_ntop6(&b));
            prop_assert_eq!(inet_pton(libc::AF_INET6, &text).unwrap(), b.to_vec());
        }

        #[test]
        fn pton_equals_glibc(s in "[0-9a-fA-F:.]{0,45}") {
            prop_assert_eq!(inet_pton(libc::AF_INET6, &s).ok(), glibc_pton(libc::AF_INET6, &s));
            prop_assert_eq!(inet_pton(libc::AF_INET, &s).ok(), glibc_pton(libc::AF_INET, &s));
        }

        #[test]
        fn ntop_v4_round_trips(b in any::<[u8; 4]>()) {
            let text = inet_ntop(libc::AF_INET, &b).unwrap();
            prop_assert_eq!(inet_pton(libc::AF_INET, &text).unwrap(), b.to_vec());
            prop_assert_eq!(inet_aton(&text).unwrap(), b);
        }
    }
}
