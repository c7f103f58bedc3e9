//! Text and packed forms of IP addresses: [`inet_aton`], [`inet_ntoa`], [`inet_pton`],
//! [`inet_ntop`]. Pure Rust, byte-for-byte what glibc does (the tests compare with it).

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr};

use libc::c_int;

use sock_core::invalid_input;

use crate::host::check_no_nul;

/// `socket.inet_aton(ip_string)`: the 4 packed bytes (network order) of an IPv4 address in
/// any form inet(3) accepts: `a.b.c.d`, `a.b.c` (c is 16 bits), `a.b` (b is 24 bits), `a`
/// (32 bits), each part decimal, octal (`0` prefix) or hex (`0x` prefix). Like glibc, text
/// after a whitespace character is ignored.
///
/// Errors: `InvalidInput` "illegal IP address string passed to inet_aton"; a NUL character
/// is `InvalidInput` "ip_string: embedded null character" (CPython's `ValueError`).
///
/// ```
/// use sock_inet::inet_aton;
/// assert_eq!(inet_aton("127.1")?, [127, 0, 0, 1]);
/// assert_eq!(inet_aton("0x7f.0.0.010")?, [127, 0, 0, 8]);
/// assert_eq!(inet_aton("4294967295")?, [255; 4]);
/// assert_eq!(inet_aton("1.2.3.256").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_aton(ip_string: &str) -> io::Result<[u8; 4]> {
    check_no_nul("ip_string", ip_string)?;
    parse_aton(ip_string.as_bytes())
        .map(u32::to_be_bytes)
        .ok_or_else(|| invalid_input("ip_string", "illegal IP address string passed to inet_aton"))
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
/// Errors: any other length is `InvalidInput` "packed IP wrong length for inet_ntoa".
///
/// ```
/// assert_eq!(sock_inet::inet_ntoa(&[10, 0, 0, 1])?, "10.0.0.1");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_ntoa(packed_ip: &[u8]) -> io::Result<String> {
    let bytes: [u8; 4] =
        packed_ip.try_into().map_err(|_| invalid_input("packed_ip", "packed IP wrong length for inet_ntoa"))?;
    Ok(Ipv4Addr::from(bytes).to_string())
}

/// `socket.inet_pton(address_family, ip_string)`: the packed bytes of an address in its
/// standard text form (`AF_INET`: strict dotted quad, 4 bytes; `AF_INET6`: 16 bytes).
///
/// Errors: an illegal string is `InvalidInput` "illegal IP address string passed to
/// inet_pton"; another family is the OS error `EAFNOSUPPORT`, as in CPython; a NUL character
/// is `InvalidInput` "ip_string: embedded null character" (CPython's `ValueError`, whatever the
/// family).
///
/// ```
/// use sock_inet::inet_pton;
/// assert_eq!(inet_pton(libc::AF_INET, "1.2.3.4")?, [1, 2, 3, 4]);
/// assert_eq!(inet_pton(libc::AF_INET6, "::1")?.len(), 16);
/// assert_eq!(inet_pton(libc::AF_INET, "1.2.3").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_pton(address_family: c_int, ip_string: &str) -> io::Result<Vec<u8>> {
    check_no_nul("ip_string", ip_string)?;
    let illegal = || invalid_input("ip_string", "illegal IP address string passed to inet_pton");
    match address_family {
        libc::AF_INET => Ok(ip_string.parse::<Ipv4Addr>().map_err(|_| illegal())?.octets().to_vec()),
        libc::AF_INET6 => Ok(ip_string.parse::<Ipv6Addr>().map_err(|_| illegal())?.octets().to_vec()),
        _ => Err(io::Error::from_raw_os_error(libc::EAFNOSUPPORT)),
    }
}

/// `socket.inet_ntop(address_family, packed_ip)`: the standard text of packed bytes, exactly
/// as glibc writes it (IPv6: the longest run of two or more zero groups compressed, lower
/// case, `::a.b.c.d` and `::ffff:a.b.c.d` forms for IPv4-compatible and -mapped addresses).
///
/// Errors: a length that does not fit the family is `InvalidInput` "invalid length of
/// packed IP address string"; another family is `InvalidInput` "unknown address family".
///
/// ```
/// use sock_inet::inet_ntop;
/// assert_eq!(inet_ntop(libc::AF_INET6, &[0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])?, "2001:db8::1");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn inet_ntop(address_family: c_int, packed_ip: &[u8]) -> io::Result<String> {
    let bad_len = || invalid_input("packed_ip", "invalid length of packed IP address string");
    match address_family {
        libc::AF_INET => inet_ntoa(packed_ip).map_err(|_| bad_len()),
        libc::AF_INET6 => Ok(ntop6(&packed_ip.try_into().map_err(|_| bad_len())?)),
        _ => Err(invalid_input("address_family", &format!("unknown address family {address_family}"))),
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

    fn glibc_pton(af: c_int, s: &str) -> Option<Vec<u8>> {
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
        let illegal = (io::ErrorKind::InvalidInput, "ip_string: illegal IP address string passed to inet_pton".into());
        let err = |r: io::Result<Vec<u8>>| r.map_err(|e| (e.kind(), e.to_string())).unwrap_err();
        for bad in [":::", "1::abc::def", "1::260.2.3.0", "300.0.0.0", "1.2.3.4.5"] {
            assert_eq!(err(inet_pton(libc::AF_INET6, bad)), illegal, "{bad}");
            assert_eq!(err(inet_pton(libc::AF_INET, bad)), illegal, "{bad}");
        }
        assert_eq!(inet_pton(9999, "1.2.3.4").unwrap_err().raw_os_error(), Some(libc::EAFNOSUPPORT));
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
