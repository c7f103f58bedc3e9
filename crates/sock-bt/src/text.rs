//! The text form of [`BdAddr`] (through `sock_core::text`), and what the address types' text
//! forms share. Every number of every text form here goes through
//! [`sock_core::text::parse_num`]: decimal or `0x` hex, no sign, no space.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::{parse_hex_bytes, HexBytes};

use crate::BdAddr;

impl fmt::Display for BdAddr {
    /// Six upper-case two-digit hex bytes separated by `:`, `01:23:45:67:89:AB`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:X}", HexBytes(&self.octets()))
    }
}

impl fmt::Debug for BdAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BdAddr({self})")
    }
}

impl FromStr for BdAddr {
    type Err = io::Error;

    /// Parses six `:`-separated bytes of two hex digits each (any case); anything else is
    /// `InvalidInput` naming `bdaddr`.
    fn from_str(s: &str) -> io::Result<BdAddr> {
        parse_hex_bytes::<6>(s, ':', "bdaddr").map(BdAddr::from_octets)
    }
}

/// Splits `s` at the first `/` into the device address and the rest; `InvalidInput` naming
/// `expected` (`"BDADDR/channel"` ...) when there is no `/`.
pub(crate) fn split_bdaddr<'a>(s: &'a str, expected: &str) -> io::Result<(BdAddr, &'a str)> {
    let (bdaddr, rest) =
        s.split_once('/').ok_or_else(|| sock_core::invalid_input("address", &format!("expected {expected}")))?;
    Ok((bdaddr.parse()?, rest))
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
        assert_eq!(format!("{:?}", BdAddr::LOCAL), "BdAddr(00:00:00:FF:FF:FF)");
    }

    /// The bytes are `parse_hex_bytes`'s: two hex digits each, nothing else (CPython's
    /// `sscanf("%X")` also takes `1:2:3:4:5:6`, `0x1:…` and signs; this crate does not).
    #[test]
    fn malformed_addresses_are_rejected() {
        assert_eq!("0a:0B:0c:0D:0e:0F".parse::<BdAddr>().unwrap().to_string(), "0A:0B:0C:0D:0E:0F");
        for bad in [
            "",
            "abc",
            "1:2:3:4:5:6",
            "01:23:45:67:89",
            "01:23:45:67:89:AB:CD",
            "01:23:45:67:89:ABC",
            "01:23:45:67:89:",
            "0x1:2:3:4:5:6",
            "01:23:45:67:89:AG",
            " 01:23:45:67:89:AB",
            "01:23:45:67:89:AB ",
            "01-23-45-67-89-AB",
            "+1:23:45:67:89:AB",
            "100:2:3:4:5:6",
        ] {
            let err = bad.parse::<BdAddr>().unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
            assert_eq!(err.to_string(), "bdaddr: expected 6 two-digit hex bytes separated by `:`");
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
        fn any_text_parses_without_panic(s in "\\PC{0,24}") {
            let _ = s.parse::<BdAddr>();
        }
    }
}
