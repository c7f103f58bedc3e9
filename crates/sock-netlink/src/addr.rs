//! [`NetlinkAddr`]: `struct sockaddr_nl`, CPython's `(pid, groups)`.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::{invalid_input, SockAddr, Socket, ToSockAddr};

use crate::consts::AF_NETLINK;

/// Size of `struct sockaddr_nl`: family (2) + padding (2) + pid (4) + groups (4).
const SOCKADDR_NL_LEN: usize = 12;

/// A netlink address: the port id (`nl_pid`, 0 for the kernel, usually the process id for the
/// first socket of a process) and a bit mask of multicast groups (`nl_groups`).
///
/// Text form: `pid:groups` — `pid` decimal, `groups` as `0x`-prefixed hexadecimal (decimal is
/// accepted too): `"0:0x1"`.
///
/// ```
/// use sock_netlink::NetlinkAddr;
/// let addr: NetlinkAddr = "1234:0x11".parse()?;
/// assert_eq!(addr, NetlinkAddr::new(1234, 0x11));
/// assert_eq!(addr.to_string(), "1234:0x11");
/// assert_eq!(NetlinkAddr::from_sock_addr(&addr.to_raw())?, addr);
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
    pub const fn new(pid: u32, groups: u32) -> Self {
        NetlinkAddr { pid, groups }
    }

    /// Encodes this address as a `struct sockaddr_nl`.
    pub fn to_raw(&self) -> SockAddr {
        let mut data = [0u8; SOCKADDR_NL_LEN - 2];
        data[2..6].copy_from_slice(&self.pid.to_ne_bytes());
        data[6..10].copy_from_slice(&self.groups.to_ne_bytes());
        SockAddr::new(AF_NETLINK as u16, &data).expect("sockaddr_nl fits in sockaddr_storage")
    }

    /// Decodes a `struct sockaddr_nl`. Fails with `InvalidInput` if the family is not
    /// `AF_NETLINK` or the address is shorter than the struct.
    pub fn from_sock_addr(addr: &SockAddr) -> io::Result<Self> {
        if i32::from(addr.family()) != AF_NETLINK {
            return Err(invalid_input("address", "not an AF_NETLINK address"));
        }
        let b = addr.as_bytes();
        if b.len() < SOCKADDR_NL_LEN {
            return Err(invalid_input("address", "shorter than struct sockaddr_nl"));
        }
        let pid = u32::from_ne_bytes([b[4], b[5], b[6], b[7]]);
        let groups = u32::from_ne_bytes([b[8], b[9], b[10], b[11]]);
        Ok(NetlinkAddr { pid, groups })
    }
}

impl From<NetlinkAddr> for SockAddr {
    fn from(addr: NetlinkAddr) -> SockAddr {
        addr.to_raw()
    }
}

impl TryFrom<&SockAddr> for NetlinkAddr {
    type Error = io::Error;

    fn try_from(addr: &SockAddr) -> io::Result<Self> {
        NetlinkAddr::from_sock_addr(addr)
    }
}

impl ToSockAddr for NetlinkAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(self.to_raw())
    }
}

impl fmt::Display for NetlinkAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:#x}", self.pid, self.groups)
    }
}

/// Parses a decimal or `0x`-prefixed hexadecimal `u32`.
pub(crate) fn parse_u32(s: &str, what: &str) -> io::Result<u32> {
    let parsed = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => s.parse(),
    };
    parsed.map_err(|_| invalid_input(what, "expected a decimal or 0x-hexadecimal u32"))
}

impl FromStr for NetlinkAddr {
    type Err = io::Error;

    /// Parses `pid:groups`; each number is decimal or `0x` hexadecimal.
    fn from_str(s: &str) -> io::Result<Self> {
        let (pid, groups) = s.split_once(':').ok_or_else(|| invalid_input("address", "expected `pid:groups`"))?;
        Ok(NetlinkAddr { pid: parse_u32(pid, "pid")?, groups: parse_u32(groups, "groups")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_matches_the_kernel() {
        let raw = NetlinkAddr::new(0x0102_0304, 0x10).to_raw();
        assert_eq!(raw.len(), 12);
        assert_eq!(raw.family(), 16);
        assert_eq!(&raw.as_bytes()[2..4], &[0, 0]);
        assert_eq!(&raw.as_bytes()[4..8], &0x0102_0304u32.to_ne_bytes());
        assert_eq!(&raw.as_bytes()[8..12], &0x10u32.to_ne_bytes());
    }

    #[test]
    fn text_forms() {
        assert_eq!("0:0".parse::<NetlinkAddr>().unwrap(), NetlinkAddr::KERNEL);
        assert_eq!("0x10:16".parse::<NetlinkAddr>().unwrap(), NetlinkAddr::new(16, 16));
        for s in ["", "1", "1:", ":2", "1:2:3", "-1:2", "1:0x", "1:0x100000000", "x:1"] {
            assert_eq!(s.parse::<NetlinkAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
    }

    #[test]
    fn wrong_family_or_length_is_invalid_input() {
        let short = SockAddr::new(16, &[0; 6]).unwrap();
        assert_eq!(NetlinkAddr::from_sock_addr(&short).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(
            NetlinkAddr::from_sock_addr(&SockAddr::new(2, &[0; 14]).unwrap()).unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            let _ = NetlinkAddr::from_sock_addr(&SockAddr::from_bytes(&bytes).unwrap());
            if bytes.len() >= 2 {
                let mut forced = bytes.clone();
                forced[..2].copy_from_slice(&16u16.to_ne_bytes());
                let _ = NetlinkAddr::from_sock_addr(&SockAddr::from_bytes(&forced).unwrap());
            }
        }

        #[test]
        fn round_trips(pid in any::<u32>(), groups in any::<u32>()) {
            let addr = NetlinkAddr::new(pid, groups);
            prop_assert_eq!(NetlinkAddr::from_sock_addr(&addr.to_raw()).unwrap(), addr);
            prop_assert_eq!(addr.to_string().parse::<NetlinkAddr>().unwrap(), addr);
        }

        #[test]
        fn any_text_parses_without_panic(s in ".{0,40}") {
            let _ = s.parse::<NetlinkAddr>();
        }
    }
}
