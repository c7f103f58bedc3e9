//! [`ScoAddr`]: a `struct sockaddr_sco`.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{Family, FamilyAddr, SockAddr};

use crate::addr::{bdaddr_at, data_of, encode};
use crate::BdAddr;

/// An SCO address (`BTPROTO_SCO`): a device address, CPython's `bdaddr` string.
///
/// Text form: the device address, e.g. `01:23:45:67:89:AB`.
///
/// ```
/// use sock::bt::{BdAddr, ScoAddr};
/// assert_eq!("00:00:00:00:00:00".parse::<ScoAddr>()?, ScoAddr::new(BdAddr::ANY));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScoAddr {
    /// The device address.
    pub bdaddr: BdAddr,
}

impl ScoAddr {
    /// The address of `bdaddr`.
    ///
    /// ```
    /// use sock::bt::{BdAddr, ScoAddr};
    /// let a = ScoAddr::new("01:23:45:67:89:AB".parse()?);
    /// assert_eq!(a.to_string(), "01:23:45:67:89:AB");
    /// assert_eq!(ScoAddr::new(BdAddr::ANY), ScoAddr::from(BdAddr::ANY));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn new(bdaddr: BdAddr) -> ScoAddr {
        ScoAddr { bdaddr }
    }
}

impl From<BdAddr> for ScoAddr {
    fn from(bdaddr: BdAddr) -> ScoAddr {
        ScoAddr { bdaddr }
    }
}

impl From<ScoAddr> for SockAddr {
    fn from(a: ScoAddr) -> SockAddr {
        encode(&a.bdaddr.kernel_bytes())
    }
}

impl FamilyAddr for ScoAddr {
    const FAMILY: Family = Family::BLUETOOTH;
    const TEXT_FORM: &'static str = "BDADDR";

    /// Decodes a `sockaddr_sco`; another family or fewer than 6 bytes after the family is
    /// `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<ScoAddr> {
        let d = data_of::<ScoAddr>(addr, 6, "sockaddr_sco")?;
        Ok(ScoAddr { bdaddr: bdaddr_at(d, 0) })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(ScoAddr);

impl fmt::Display for ScoAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.bdaddr.fmt(f)
    }
}

impl FromStr for ScoAddr {
    type Err = io::Error;

    /// Parses a device address.
    fn from_str(s: &str) -> io::Result<ScoAddr> {
        Ok(ScoAddr { bdaddr: s.parse()? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trips(octets in any::<[u8; 6]>()) {
            let a = ScoAddr::new(BdAddr::from_octets(octets));
            let raw = SockAddr::from(a);
            prop_assert_eq!(raw.len(), 8);
            prop_assert_eq!(ScoAddr::decode(&raw).unwrap(), a);
            prop_assert_eq!(a.to_string().parse::<ScoAddr>().unwrap(), a);
        }
    }
}
