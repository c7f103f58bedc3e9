//! [`BdAddr`]: a Bluetooth device address (`bdaddr_t`).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::invalid_input;

/// A Bluetooth device address, `01:23:45:67:89:AB`.
///
/// The kernel's `bdaddr_t` stores the six bytes in reverse (least significant first); this type
/// stores them the kernel's way and converts at the edges, as CPython does. Text form: six
/// groups of one or two hex digits separated by `:` (any case) when parsing; upper case with two
/// digits when printing.
///
/// ```
/// use sock_bt::BdAddr;
/// let a: BdAddr = "01:23:45:67:89:ab".parse()?;
/// assert_eq!(a.to_string(), "01:23:45:67:89:AB");
/// assert_eq!(a.octets(), [0x01, 0x23, 0x45, 0x67, 0x89, 0xab]);
/// assert_eq!(a.kernel_bytes(), [0xab, 0x89, 0x67, 0x45, 0x23, 0x01]);
/// assert_eq!("01:23:45:67:89".parse::<BdAddr>().unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BdAddr([u8; 6]);

impl BdAddr {
    /// `BDADDR_ANY`, `00:00:00:00:00:00`.
    pub const ANY: BdAddr = BdAddr([0; 6]);
    /// `BDADDR_LOCAL`, `00:00:00:FF:FF:FF`.
    pub const LOCAL: BdAddr = BdAddr([0xff, 0xff, 0xff, 0, 0, 0]);
    /// `BDADDR_NONE`, `FF:FF:FF:FF:FF:FF`.
    pub const NONE: BdAddr = BdAddr([0xff; 6]);

    /// The address whose text form lists `octets` in order.
    pub const fn from_octets(octets: [u8; 6]) -> BdAddr {
        let o = octets;
        BdAddr([o[5], o[4], o[3], o[2], o[1], o[0]])
    }

    /// The octets in text order (`01:23:…` gives `[0x01, 0x23, …]`).
    pub const fn octets(&self) -> [u8; 6] {
        let b = self.0;
        [b[5], b[4], b[3], b[2], b[1], b[0]]
    }

    /// The address from the bytes of a kernel `bdaddr_t` (reversed order).
    pub const fn from_kernel_bytes(bytes: [u8; 6]) -> BdAddr {
        BdAddr(bytes)
    }

    /// The bytes of the kernel's `bdaddr_t` (reversed order).
    pub const fn kernel_bytes(&self) -> [u8; 6] {
        self.0
    }
}

impl fmt::Display for BdAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = self.octets();
        write!(f, "{:02X}:{:02X}:{:02X}:{:02X}:{:02X}:{:02X}", o[0], o[1], o[2], o[3], o[4], o[5])
    }
}

impl fmt::Debug for BdAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BdAddr({self})")
    }
}

impl FromStr for BdAddr {
    type Err = io::Error;

    /// Parses six `:`-separated groups of one or two hex digits; anything else is
    /// `InvalidInput` "bdaddr: bad bluetooth address" (CPython's message).
    fn from_str(s: &str) -> io::Result<BdAddr> {
        let bad = || invalid_input("bdaddr", "bad bluetooth address");
        let mut octets = [0u8; 6];
        let mut groups = s.split(':');
        for o in &mut octets {
            let g = groups.next().ok_or_else(bad)?;
            if g.is_empty() || g.len() > 2 || !g.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad());
            }
            *o = u8::from_str_radix(g, 16).map_err(|_| bad())?;
        }
        if groups.next().is_some() {
            return Err(bad());
        }
        Ok(BdAddr::from_octets(octets))
    }
}

impl From<[u8; 6]> for BdAddr {
    /// From octets in text order (see [`BdAddr::from_octets`]).
    fn from(octets: [u8; 6]) -> BdAddr {
        BdAddr::from_octets(octets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::{BDADDR_ANY, BDADDR_LOCAL};
    use proptest::prelude::*;

    #[test]
    fn python_constants() {
        assert_eq!(BdAddr::ANY.to_string(), BDADDR_ANY);
        assert_eq!(BdAddr::LOCAL.to_string(), BDADDR_LOCAL);
        assert_eq!(BDADDR_LOCAL.parse::<BdAddr>().unwrap(), BdAddr::LOCAL);
        assert_eq!(BdAddr::LOCAL.kernel_bytes(), [0xff, 0xff, 0xff, 0, 0, 0]);
    }

    #[test]
    fn malformed_addresses_are_rejected() {
        assert_eq!("1:2:3:4:5:6".parse::<BdAddr>().unwrap().to_string(), "01:02:03:04:05:06");
        for bad in [
            "",
            "abc",
            "01:23:45:67:89",
            "01:23:45:67:89:AB:CD",
            "01:23:45:67:89:ABC",
            "01:23:45:67:89:",
            "0x1:2:3:4:5:6",
            "01:23:45:67:89:AG",
            " 1:2:3:4:5:6",
            "1:2:3:4:5:6 ",
            "01-23-45-67-89-AB",
            "100:2:3:4:5:6",
        ] {
            let err = bad.parse::<BdAddr>().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
            assert_eq!(err.to_string(), "bdaddr: bad bluetooth address");
        }
    }

    proptest! {
        #[test]
        fn round_trips(octets in any::<[u8; 6]>()) {
            let a = BdAddr::from_octets(octets);
            prop_assert_eq!(a.to_string().parse::<BdAddr>().unwrap(), a);
            prop_assert_eq!(a.to_string().to_lowercase().parse::<BdAddr>().unwrap(), a);
            prop_assert_eq!(BdAddr::from_kernel_bytes(a.kernel_bytes()), a);
        }

        #[test]
        fn any_text_parses_without_panic(s in ".{0,24}") {
            let _ = s.parse::<BdAddr>();
        }
    }
}
