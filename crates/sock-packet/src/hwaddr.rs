//! [`HwAddr`]: a hardware (link-layer) address of up to `MAX_ADDR_LEN` bytes.

use std::io;

use sock_core::{invalid_input, MacAddr};

use crate::consts::MAX_ADDR_LEN;

/// A hardware address: 6 bytes for Ethernet, up to [`MAX_ADDR_LEN`] (32) for other links
/// (InfiniBand uses 20), or empty.
///
/// Text form: bytes in two-digit lower-case hex separated by `:` (`02:00:00:00:00:01`); the
/// empty address is the empty string. Parsing also accepts upper case, and wants two digits a
/// byte ([`sock_core::text::parse_hex_bytes`]).
///
/// ```
/// use sock::packet::HwAddr;
/// let mac: HwAddr = "02:00:5E:10:00:01".parse()?;
/// assert_eq!(mac.as_bytes(), &[2, 0, 0x5e, 0x10, 0, 1]);
/// assert_eq!(mac.to_string(), "02:00:5e:10:00:01");
/// assert_eq!(HwAddr::BROADCAST.to_string(), "ff:ff:ff:ff:ff:ff");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HwAddr {
    len: u8,
    bytes: [u8; MAX_ADDR_LEN],
}

impl HwAddr {
    /// The empty address.
    pub const EMPTY: HwAddr = HwAddr { len: 0, bytes: [0; MAX_ADDR_LEN] };

    /// The Ethernet broadcast address `ff:ff:ff:ff:ff:ff`.
    pub const BROADCAST: HwAddr = HwAddr::ether([0xff; 6]);

    /// A 6-byte Ethernet (MAC) address.
    ///
    /// ```
    /// use sock::packet::HwAddr;
    /// let mac = HwAddr::ether([2, 0, 0, 0, 0, 1]);
    /// assert_eq!((mac.len(), mac.as_bytes()[5], mac.is_multicast(), mac.is_empty()), (6, 1, false, false));
    /// assert_eq!(HwAddr::new(&[9; 20])?.len(), 20); // InfiniBand
    /// assert_eq!(HwAddr::new(&[0; 33]).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn ether(mac: [u8; 6]) -> HwAddr {
        let mut bytes = [0u8; MAX_ADDR_LEN];
        let mut i = 0;
        while i < 6 {
            bytes[i] = mac[i];
            i += 1;
        }
        HwAddr { len: 6, bytes }
    }

    /// An address of `bytes`. Fails with `InvalidInput` if it is longer than 32 bytes.
    ///
    /// ```
    /// use sock::packet::HwAddr;
    /// let ib = HwAddr::new(&[0x80; 20])?; // an InfiniBand address
    /// assert_eq!((ib.len(), HwAddr::new(&[])?), (20, HwAddr::EMPTY));
    /// let e = HwAddr::new(&[0; 33]).unwrap_err();
    /// assert_eq!(e.to_string(), "hwaddr: hardware address longer than 32 bytes (MAX_ADDR_LEN)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(bytes: &[u8]) -> io::Result<HwAddr> {
        if bytes.len() > MAX_ADDR_LEN {
            return Err(invalid_input("hwaddr", "hardware address longer than 32 bytes (MAX_ADDR_LEN)"));
        }
        let mut addr = HwAddr::EMPTY;
        addr.bytes[..bytes.len()].copy_from_slice(bytes);
        addr.len = bytes.len() as u8;
        Ok(addr)
    }

    /// The bytes of the address.
    ///
    /// ```
    /// assert_eq!(sock::packet::HwAddr::BROADCAST.as_bytes(), [0xff; 6]);
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The number of bytes.
    ///
    /// ```
    /// assert_eq!("02:00:5e:10:00:01".parse::<sock::packet::HwAddr>()?.len(), 6);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether the address is empty.
    ///
    /// ```
    /// use sock::packet::HwAddr;
    /// assert!(HwAddr::EMPTY.is_empty() && "".parse::<HwAddr>()?.is_empty());
    /// assert!(!HwAddr::BROADCAST.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the group bit of the first byte is set (Ethernet multicast and broadcast).
    ///
    /// ```
    /// use sock::packet::HwAddr;
    /// assert!("01:00:5e:00:00:01".parse::<HwAddr>()?.is_multicast()); // IPv4 multicast group
    /// assert!(HwAddr::BROADCAST.is_multicast());
    /// assert!(!HwAddr::ether([2, 0, 0, 0, 0, 1]).is_multicast());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_multicast(&self) -> bool {
        self.len > 0 && self.bytes[0] & 1 == 1
    }
}

impl Default for HwAddr {
    fn default() -> Self {
        HwAddr::EMPTY
    }
}

impl From<[u8; 6]> for HwAddr {
    fn from(mac: [u8; 6]) -> Self {
        HwAddr::ether(mac)
    }
}

/// An Ethernet address as a hardware address (what netlink's link and neighbour dumps give,
/// as [`sock::MacAddr`](sock_core::MacAddr)).
///
/// ```
/// use sock::{packet::HwAddr, MacAddr};
/// let mac: MacAddr = "02:00:5e:10:00:01".parse()?;
/// let hw = HwAddr::from(mac);
/// assert_eq!((hw.len(), hw.to_string()), (6, mac.to_string()));
/// assert_eq!(MacAddr::try_from(hw)?, mac); // and back
/// # Ok::<(), std::io::Error>(())
/// ```
impl From<MacAddr> for HwAddr {
    fn from(mac: MacAddr) -> Self {
        HwAddr::ether(mac.octets())
    }
}

/// A hardware address of exactly 6 bytes as an Ethernet address; any other length is
/// `InvalidInput` naming the length.
///
/// ```
/// use sock::{packet::HwAddr, MacAddr};
/// assert_eq!(MacAddr::try_from(HwAddr::BROADCAST)?, MacAddr::BROADCAST);
/// let infiniband = HwAddr::new(&[1; 20])?;
/// assert_eq!(MacAddr::try_from(infiniband).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
impl TryFrom<HwAddr> for MacAddr {
    type Error = io::Error;

    fn try_from(hw: HwAddr) -> io::Result<MacAddr> {
        <[u8; 6]>::try_from(hw.as_bytes()).map(MacAddr::new).map_err(|_| {
            invalid_input("hwaddr", &format!("a {}-byte hardware address is not a 6-byte MAC address", hw.len()))
        })
    }
}

impl TryFrom<&[u8]> for HwAddr {
    type Error = io::Error;

    fn try_from(bytes: &[u8]) -> io::Result<Self> {
        HwAddr::new(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_groups() {
        assert_eq!(HwAddr::new(&[0; 33]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(HwAddr::new(&[7; 32]).unwrap().len(), 32);
        assert!(HwAddr::BROADCAST.is_multicast());
        assert!(!HwAddr::ether([2, 0, 0, 0, 0, 1]).is_multicast());
    }

    #[test]
    fn mac_addresses_convert_both_ways() {
        let mac = MacAddr::new([2, 0, 0x5e, 0x10, 0, 1]);
        let hw = HwAddr::from(mac);
        assert_eq!(hw.as_bytes(), mac.octets());
        assert_eq!(hw.to_string(), mac.to_string());
        assert_eq!(MacAddr::try_from(hw).unwrap(), mac);
        for len in [0, 5, 7, 20] {
            let e = MacAddr::try_from(HwAddr::new(&vec![1; len]).unwrap()).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            assert!(e.to_string().contains(&format!("a {len}-byte")), "{e}");
        }
    }
}
