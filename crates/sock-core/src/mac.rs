//! [`MacAddr`]: a 6-byte Ethernet hardware address, one type for every family that meets one:
//! netlink's links (`IFLA_ADDRESS`) and neighbours (`NDA_LLADDR`), packet sockets' link-layer
//! addresses (`sock::packet::HwAddr` converts both ways).

use std::fmt;
use std::io;
use std::str::FromStr;

use crate::invalid_input;

/// A 6-byte Ethernet (MAC) address. `Display` writes it as `ip` does, lower-case hex bytes
/// separated by colons (`aa:bb:cc:dd:ee:ff`); `FromStr` reads that form (one or two hex
/// digits per byte, either case). Netlink attributes give one with `NlAttr::as_mac`
/// (`sock::netlink::msg`); a packet socket's `HwAddr` of 6 bytes converts with `TryFrom`.
///
/// ```
/// use sock::MacAddr;
/// let mac: MacAddr = "02:00:5E:10:0:1".parse()?;
/// assert_eq!(mac.octets(), [0x02, 0x00, 0x5e, 0x10, 0x00, 0x01]);
/// assert_eq!(mac.to_string(), "02:00:5e:10:00:01");
/// assert!(!mac.is_multicast() && mac.is_local());
/// assert_eq!("02:00".parse::<MacAddr>().unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MacAddr(pub [u8; 6]);

impl MacAddr {
    /// `ff:ff:ff:ff:ff:ff`, the Ethernet broadcast address.
    pub const BROADCAST: MacAddr = MacAddr([0xff; 6]);

    /// The address from its six bytes, first byte first.
    ///
    /// ```
    /// use sock::MacAddr;
    /// assert_eq!(MacAddr::new([0, 0, 0, 0, 0, 0]).to_string(), "00:00:00:00:00:00");
    /// ```
    pub const fn new(octets: [u8; 6]) -> MacAddr {
        MacAddr(octets)
    }

    /// The six bytes, first byte first.
    ///
    /// ```
    /// use sock::MacAddr;
    /// assert_eq!(MacAddr::BROADCAST.octets(), [0xff; 6]);
    /// ```
    pub const fn octets(self) -> [u8; 6] {
        self.0
    }

    /// Whether the group bit (the lowest bit of the first byte) is set: a multicast or
    /// broadcast address.
    ///
    /// ```
    /// use sock::MacAddr;
    /// assert!(MacAddr::BROADCAST.is_multicast());
    /// ```
    pub const fn is_multicast(self) -> bool {
        self.0[0] & 1 != 0
    }

    /// Whether the locally-administered bit (the second-lowest bit of the first byte) is set,
    /// as on the random addresses of veth and bridge devices.
    ///
    /// ```
    /// use sock::MacAddr;
    /// assert!(MacAddr::new([2, 0, 0, 0, 0, 1]).is_local());
    /// ```
    pub const fn is_local(self) -> bool {
        self.0[0] & 2 != 0
    }
}

impl From<[u8; 6]> for MacAddr {
    fn from(octets: [u8; 6]) -> MacAddr {
        MacAddr(octets)
    }
}

impl From<MacAddr> for [u8; 6] {
    fn from(mac: MacAddr) -> [u8; 6] {
        mac.0
    }
}

impl fmt::Display for MacAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02x}:{b:02x}:{c:02x}:{d:02x}:{e:02x}:{g:02x}")
    }
}

impl FromStr for MacAddr {
    type Err = io::Error;

    fn from_str(s: &str) -> io::Result<MacAddr> {
        let bad = || invalid_input("mac", &format!("{s:?} is not a MAC address like aa:bb:cc:dd:ee:ff"));
        let mut out = [0u8; 6];
        let mut parts = s.split(':');
        for byte in &mut out {
            let part = parts.next().ok_or_else(bad)?;
            if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad());
            }
            *byte = u8::from_str_radix(part, 16).map_err(|_| bad())?;
        }
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(MacAddr(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bad_text_names_the_argument() {
        for s in ["", "1:2:3:4:5", "1:2:3:4:5:6:7", "001:2:3:4:5:6", "g:2:3:4:5:6", "+1:2:3:4:5:6", "1::3:4:5:6"] {
            let e = s.parse::<MacAddr>().unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            assert!(e.to_string().starts_with("mac: "), "{e}");
        }
    }

    proptest! {
        #[test]
        fn text_round_trips(octets in any::<[u8; 6]>()) {
            let mac = MacAddr(octets);
            prop_assert_eq!(mac.to_string().parse::<MacAddr>().unwrap(), mac);
            prop_assert_eq!(mac.to_string().to_uppercase().parse::<MacAddr>().unwrap(), mac);
        }

        #[test]
        fn any_text_parses_or_errs(s in ".{0,24}") {
            let _ = s.parse::<MacAddr>();
        }
    }
}
