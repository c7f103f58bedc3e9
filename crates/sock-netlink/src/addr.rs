//! [`NetlinkAddr`]: `struct sockaddr_nl`, CPython's `(pid, groups)`.

use std::io;

use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

use crate::consts::AF_NETLINK;

/// Size of `struct sockaddr_nl`: family (2) + padding (2) + pid (4) + groups (4).
const SOCKADDR_NL_LEN: usize = 12;
/// Offsets after `nl_family`: `nl_pid`, `nl_groups`.
const PID: usize = 2;
const GROUPS: usize = 6;

/// A netlink address: the port id (`nl_pid`, 0 for the kernel, usually the process id for the
/// first socket of a process) and a bit mask of multicast groups (`nl_groups`).
///
/// Text form: `pid:groups` — printed with `pid` in decimal and `groups` (a bit mask) in
/// `0x` hex, `"0:0x1"`; each number parses in decimal or `0x` hex, no sign, no space.
///
/// ```
/// use sock::FamilyAddr;
/// use sock::netlink::NetlinkAddr;
/// let addr: NetlinkAddr = "1234:0x11".parse()?;
/// assert_eq!(addr, NetlinkAddr::new(1234, 0x11));
/// assert_eq!(addr.to_string(), "1234:0x11");
/// assert_eq!(NetlinkAddr::decode(&addr.encode()?)?, addr);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NetlinkAddr {
    /// `nl_pid`: the port id; 0 is the kernel, and in `bind` lets the kernel choose.
    pub pid: u32,
    /// `nl_groups`: multicast group bit mask (group `n` is bit `n - 1`).
    pub groups: u32,
}

impl NetlinkAddr {
    /// The kernel's address: pid 0, no groups.
    pub const KERNEL: NetlinkAddr = NetlinkAddr { pid: 0, groups: 0 };

    /// The address `pid:groups`.
    ///
    /// ```
    /// use sock::netlink::NetlinkAddr;
    /// let a = NetlinkAddr::new(1234, 0x11);
    /// assert_eq!((a.pid, a.groups), (1234, 0x11));
    /// assert_eq!(a.to_string(), "1234:0x11");
    /// assert_eq!(NetlinkAddr::new(0, 0), NetlinkAddr::KERNEL);
    /// ```
    pub const fn new(pid: u32, groups: u32) -> Self {
        NetlinkAddr { pid, groups }
    }
}

impl FamilyAddr for NetlinkAddr {
    const FAMILY: Family = Family::NETLINK;
    const TEXT_FORM: &'static str = "pid:groups";

    /// Decodes a `struct sockaddr_nl`. Another family, or an address shorter than the
    /// struct, is `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<Self> {
        let data = Self::expect_family(addr)?;
        let field = |at: usize| data.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_ne_bytes);
        match (field(PID), field(GROUPS)) {
            (Some(pid), Some(groups)) => Ok(NetlinkAddr { pid, groups }),
            _ => Err(invalid_input("address", "shorter than struct sockaddr_nl")),
        }
    }

    /// Never fails: see `From<NetlinkAddr> for SockAddr`.
    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(NetlinkAddr);

impl From<NetlinkAddr> for SockAddr {
    /// The `struct sockaddr_nl`.
    fn from(addr: NetlinkAddr) -> SockAddr {
        let mut data = [0u8; SOCKADDR_NL_LEN - 2];
        data[PID..PID + 4].copy_from_slice(&addr.pid.to_ne_bytes());
        data[GROUPS..GROUPS + 4].copy_from_slice(&addr.groups.to_ne_bytes());
        // 12 bytes always fit sockaddr_storage: the fallback is never taken.
        SockAddr::new(AF_NETLINK as u16, &data).unwrap_or_else(|_| SockAddr::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_matches_the_kernel() {
        let raw = SockAddr::from(NetlinkAddr::new(0x0102_0304, 0x10));
        assert_eq!(raw.len(), 12);
        assert_eq!(raw.family(), 16);
        assert_eq!(&raw.as_bytes()[2..4], &[0, 0]);
        assert_eq!(&raw.as_bytes()[4..8], &0x0102_0304u32.to_ne_bytes());
        assert_eq!(&raw.as_bytes()[8..12], &0x10u32.to_ne_bytes());
    }

    #[test]
    fn wrong_family_or_length_is_invalid_input() {
        let short = SockAddr::new(16, &[0; 6]).unwrap();
        assert_eq!(NetlinkAddr::decode(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let e = NetlinkAddr::decode(&SockAddr::new(2, &[0; 14]).unwrap()).unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "address: AF_INET is not an AF_NETLINK address".into())
        );
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            let _ = NetlinkAddr::decode(&SockAddr::from_bytes(&bytes).unwrap());
            if bytes.len() >= 2 {
                let mut forced = bytes.clone();
                forced[..2].copy_from_slice(&16u16.to_ne_bytes());
                let _ = NetlinkAddr::decode(&SockAddr::from_bytes(&forced).unwrap());
            }
        }

        #[test]
        fn round_trips(pid in any::<u32>(), groups in any::<u32>()) {
            let addr = NetlinkAddr::new(pid, groups);
            prop_assert_eq!(NetlinkAddr::decode(&SockAddr::from(addr)).unwrap(), addr);
        }
    }
}
