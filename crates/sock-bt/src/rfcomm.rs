//! [`RfcommAddr`]: a `struct sockaddr_rc`.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::parse_num;
use sock_core::{Family, FamilyAddr, SockAddr};

use crate::addr::{bdaddr_at, data_of, encode};
use crate::text::split_bdaddr;
use crate::BdAddr;

/// Bytes of `sockaddr_rc` after the family: bdaddr (6), channel (1), pad (1).
const DATA_LEN: usize = 8;

/// An RFCOMM address (`BTPROTO_RFCOMM`): device and channel, CPython's `(bdaddr, channel)`.
///
/// Text form: `BDADDR/channel`, e.g. `01:23:45:67:89:AB/3`.
///
/// ```
/// use sock::bt::{BdAddr, RfcommAddr};
/// let a: RfcommAddr = "01:23:45:67:89:AB/3".parse()?;
/// assert_eq!(a, RfcommAddr::new("01:23:45:67:89:AB".parse()?, 3));
/// assert_eq!(a.to_string(), "01:23:45:67:89:AB/3");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RfcommAddr {
    /// The device address.
    pub bdaddr: BdAddr,
    /// The RFCOMM channel (1–30; 0 binds to any free channel).
    pub channel: u8,
}

impl RfcommAddr {
    /// The address `(bdaddr, channel)`.
    ///
    /// ```
    /// use sock::bt::{BdAddr, RfcommAddr};
    /// let any = RfcommAddr::new(BdAddr::ANY, 0); // bind: any adapter, any free channel
    /// assert_eq!(any.to_string(), "00:00:00:00:00:00/0");
    /// assert_eq!(RfcommAddr::new("01:23:45:67:89:AB".parse()?, 3).channel, 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn new(bdaddr: BdAddr, channel: u8) -> RfcommAddr {
        RfcommAddr { bdaddr, channel }
    }
}

impl From<RfcommAddr> for SockAddr {
    fn from(a: RfcommAddr) -> SockAddr {
        let mut d = [0u8; DATA_LEN];
        d[..6].copy_from_slice(&a.bdaddr.kernel_bytes());
        d[6] = a.channel;
        encode(&d)
    }
}

impl FamilyAddr for RfcommAddr {
    const FAMILY: Family = Family::BLUETOOTH;
    const TEXT_FORM: &'static str = "BDADDR/channel";

    /// Decodes a `sockaddr_rc`; another family or fewer than 7 bytes after the family is
    /// `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<RfcommAddr> {
        let d = data_of::<RfcommAddr>(addr, 7, "sockaddr_rc")?;
        Ok(RfcommAddr { bdaddr: bdaddr_at(d, 0), channel: d[6] })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(RfcommAddr);

impl fmt::Display for RfcommAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.bdaddr, self.channel)
    }
}

impl FromStr for RfcommAddr {
    type Err = io::Error;

    /// Parses `BDADDR/channel`.
    fn from_str(s: &str) -> io::Result<RfcommAddr> {
        let (bdaddr, channel) = split_bdaddr(s, "BDADDR/channel")?;
        Ok(RfcommAddr { bdaddr, channel: parse_num(channel, "channel")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_is_sockaddr_rc() {
        let raw = SockAddr::from(RfcommAddr::new("01:02:03:04:05:06".parse().unwrap(), 7));
        assert_eq!(raw.len(), 10, "sizeof(struct sockaddr_rc)");
        assert_eq!(raw.data(), &[6, 5, 4, 3, 2, 1, 7, 0]);
        for bad in ["01:02:03:04:05:06", "01:02:03:04:05:06/256", "01:02:03:04:05:06/1/2", "x/1"] {
            assert_eq!(bad.parse::<RfcommAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn round_trips(octets in any::<[u8; 6]>(), channel in any::<u8>()) {
            let a = RfcommAddr::new(BdAddr::from_octets(octets), channel);
            prop_assert_eq!(RfcommAddr::decode(&a.encode().unwrap()).unwrap(), a);
            prop_assert_eq!(a.to_string().parse::<RfcommAddr>().unwrap(), a);
        }
    }
}
