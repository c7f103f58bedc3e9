//! [`L2capAddr`]: a `struct sockaddr_l2`.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::parse_num;
use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

use crate::addr::{bdaddr_at, data_of, encode};
use crate::consts::{BDADDR_BREDR, BDADDR_LE_PUBLIC, BDADDR_LE_RANDOM};
use crate::text::split_bdaddr;
use crate::BdAddr;

/// Bytes of `sockaddr_l2` after the family: psm (2, LE), bdaddr (6), cid (2, LE), type (1), pad.
const DATA_LEN: usize = 12;
/// What a decoded address must hold at least: through the address type.
const MIN_LEN: usize = 11;

/// An L2CAP address (`BTPROTO_L2CAP`): device, PSM, channel id and address type — CPython's
/// `(bdaddr, psm[, cid[, bdaddr_type]])`.
///
/// Text form: `BDADDR/psm`, `BDADDR/psm/cid` for BR/EDR with a channel id, and
/// `BDADDR/psm/cid/le-public` or `…/le-random` for LE (numbers in decimal; parsing also
/// takes `0x` hex; an unknown address type prints as its number). These are CPython's build
/// rules: BR/EDR leaves out a zero cid, LE always shows all four.
///
/// ```
/// use sock::bt::{BdAddr, L2capAddr, BDADDR_LE_PUBLIC};
/// let att = L2capAddr::new(BdAddr::ANY, 0).with_cid(4).with_addr_type(BDADDR_LE_PUBLIC);
/// assert_eq!(att.to_string(), "00:00:00:00:00:00/0/4/le-public");
/// assert_eq!("00:00:00:00:00:00/0x1001".parse::<L2capAddr>()?, L2capAddr::new(BdAddr::ANY, 0x1001));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct L2capAddr {
    /// The device address.
    pub bdaddr: BdAddr,
    /// The Protocol/Service Multiplexer.
    pub psm: u16,
    /// The channel id (0 when the PSM selects the channel).
    pub cid: u16,
    /// `BDADDR_BREDR`, `BDADDR_LE_PUBLIC` or `BDADDR_LE_RANDOM`.
    pub addr_type: u8,
}

impl L2capAddr {
    /// A BR/EDR address with channel id 0.
    ///
    /// ```
    /// use sock::bt::{BdAddr, L2capAddr, BDADDR_BREDR};
    /// let a = L2capAddr::new(BdAddr::ANY, 0x1001);
    /// assert_eq!((a.cid, a.addr_type), (0, BDADDR_BREDR));
    /// assert_eq!(a.to_string(), "00:00:00:00:00:00/4097");
    /// ```
    pub const fn new(bdaddr: BdAddr, psm: u16) -> L2capAddr {
        L2capAddr { bdaddr, psm, cid: 0, addr_type: BDADDR_BREDR }
    }

    /// This address with channel id `cid`.
    ///
    /// ```
    /// use sock::bt::{BdAddr, L2capAddr};
    /// let a = L2capAddr::new(BdAddr::ANY, 0).with_cid(4);
    /// assert_eq!(a.cid, 4);
    /// assert_eq!(a.to_string(), "00:00:00:00:00:00/0/4");
    /// ```
    pub const fn with_cid(self, cid: u16) -> L2capAddr {
        L2capAddr { cid, ..self }
    }

    /// This address with address type `addr_type`.
    ///
    /// ```
    /// use sock::bt::{BdAddr, L2capAddr, BDADDR_LE_RANDOM};
    /// let a = L2capAddr::new(BdAddr::ANY, 0x80).with_addr_type(BDADDR_LE_RANDOM);
    /// assert_eq!(a.to_string(), "00:00:00:00:00:00/128/0/le-random");
    /// ```
    pub const fn with_addr_type(self, addr_type: u8) -> L2capAddr {
        L2capAddr { addr_type, ..self }
    }

    /// Whether the address type is an LE one.
    ///
    /// ```
    /// use sock::bt::{BdAddr, L2capAddr, BDADDR_LE_PUBLIC};
    /// assert!(!L2capAddr::new(BdAddr::ANY, 1).is_le());
    /// assert!(L2capAddr::new(BdAddr::ANY, 0).with_addr_type(BDADDR_LE_PUBLIC).is_le());
    /// ```
    pub const fn is_le(&self) -> bool {
        matches!(self.addr_type, BDADDR_LE_PUBLIC | BDADDR_LE_RANDOM)
    }
}

impl From<L2capAddr> for SockAddr {
    fn from(a: L2capAddr) -> SockAddr {
        let mut d = [0u8; DATA_LEN];
        d[0..2].copy_from_slice(&a.psm.to_le_bytes());
        d[2..8].copy_from_slice(&a.bdaddr.kernel_bytes());
        d[8..10].copy_from_slice(&a.cid.to_le_bytes());
        d[10] = a.addr_type;
        encode(&d)
    }
}

impl FamilyAddr for L2capAddr {
    const FAMILY: Family = Family::BLUETOOTH;
    const TEXT_FORM: &'static str = "BDADDR/psm[/cid[/bredr|le-public|le-random|type]]";

    /// Decodes a `sockaddr_l2`; another family or fewer than MIN_LEN bytes after the family is
    /// `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<L2capAddr> {
        let d = data_of::<L2capAddr>(addr, MIN_LEN, "sockaddr_l2")?;
        Ok(L2capAddr {
            psm: u16::from_le_bytes([d[0], d[1]]),
            bdaddr: bdaddr_at(d, 2),
            cid: u16::from_le_bytes([d[8], d[9]]),
            addr_type: d[10],
        })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(L2capAddr);

fn type_name(t: u8) -> Option<&'static str> {
    match t {
        BDADDR_BREDR => Some("bredr"),
        BDADDR_LE_PUBLIC => Some("le-public"),
        BDADDR_LE_RANDOM => Some("le-random"),
        _ => None,
    }
}

impl fmt::Display for L2capAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.bdaddr, self.psm)?;
        match (self.addr_type, self.cid) {
            (BDADDR_BREDR, 0) => Ok(()),
            (BDADDR_BREDR, cid) => write!(f, "/{cid}"),
            (t, cid) => match type_name(t) {
                Some(name) => write!(f, "/{cid}/{name}"),
                None => write!(f, "/{cid}/{t}"),
            },
        }
    }
}

impl FromStr for L2capAddr {
    type Err = io::Error;

    /// Parses `BDADDR/psm[/cid[/type]]`, type being `bredr`, `le-public`, `le-random` or a number.
    fn from_str(s: &str) -> io::Result<L2capAddr> {
        let (bdaddr, rest) = split_bdaddr(s, "BDADDR/psm")?;
        let mut parts = rest.split('/');
        let psm = parse_num(parts.next().unwrap_or_default(), "psm")?;
        let cid = parts.next().map(|c| parse_num(c, "cid")).transpose()?.unwrap_or(0);
        let addr_type = match parts.next() {
            None => BDADDR_BREDR,
            Some("bredr") => BDADDR_BREDR,
            Some("le-public") => BDADDR_LE_PUBLIC,
            Some("le-random") => BDADDR_LE_RANDOM,
            Some(n) => parse_num(n, "bdaddr_type")?,
        };
        if parts.next().is_some() {
            return Err(invalid_input("address", "expected at most BDADDR/psm/cid/type"));
        }
        Ok(L2capAddr { bdaddr, psm, cid, addr_type })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_is_sockaddr_l2() {
        let a = L2capAddr::new("01:02:03:04:05:06".parse().unwrap(), 0x1001).with_cid(0x0040).with_addr_type(2);
        let raw = SockAddr::from(a);
        assert_eq!(raw.len(), 14, "sizeof(struct sockaddr_l2)");
        assert_eq!(raw.data(), &[0x01, 0x10, 6, 5, 4, 3, 2, 1, 0x40, 0, 2, 0]);
    }

    #[test]
    fn cpython_build_rules() {
        let any = BdAddr::ANY;
        assert_eq!(L2capAddr::new(any, 0x1001).to_string(), "00:00:00:00:00:00/4097");
        assert_eq!(
            L2capAddr::new(any, 0x80).with_cid(0).with_addr_type(2).to_string(),
            "00:00:00:00:00:00/128/0/le-random"
        );
        assert_eq!(L2capAddr::new(any, 1).with_cid(5).to_string(), "00:00:00:00:00:00/1/5");
        assert_eq!(L2capAddr::new(any, 1).with_addr_type(9).to_string(), "00:00:00:00:00:00/1/0/9");
        for bad in [
            "00:00:00:00:00:00",
            "00:00:00:00:00:00/",
            "00:00:00:00:00:00/65536",
            "abc/1",
            "00:00:00:00:00:00/1/2/3/4",
            "00:00:00:00:00:00/1/2/le",
        ] {
            assert_eq!(bad.parse::<L2capAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn round_trips(octets in any::<[u8; 6]>(), psm in any::<u16>(), cid in any::<u16>(), t in any::<u8>()) {
            let a = L2capAddr { bdaddr: BdAddr::from_octets(octets), psm, cid, addr_type: t };
            prop_assert_eq!(L2capAddr::decode(&a.encode().unwrap()).unwrap(), a);
            prop_assert_eq!(a.to_string().parse::<L2capAddr>().unwrap(), a);
        }
    }
}
