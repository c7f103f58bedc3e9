//! The text form of [`NetlinkAddr`]: `pid:groups` (see [`NetlinkAddr`]).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::{parse_num, split_fields};

use crate::addr::NetlinkAddr;

impl fmt::Display for NetlinkAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:#x}", self.pid, self.groups)
    }
}

impl FromStr for NetlinkAddr {
    type Err = io::Error;

    /// Parses `pid:groups`: two `u32`s, decimal or `0x` hex
    /// ([`parse_num`](sock_core::text::parse_num)). Errors are `InvalidInput` naming the
    /// field.
    fn from_str(s: &str) -> io::Result<Self> {
        let [pid, groups] = split_fields(s, ':', "address", "`pid:groups`")?;
        Ok(NetlinkAddr { pid: parse_num(pid, "pid")?, groups: parse_num(groups, "groups")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_forms() {
        assert_eq!("0:0".parse::<NetlinkAddr>().unwrap(), NetlinkAddr::KERNEL);
        assert_eq!("0x10:16".parse::<NetlinkAddr>().unwrap(), NetlinkAddr::new(16, 16));
        assert_eq!(NetlinkAddr::new(7, 0).to_string(), "7:0x0");
        for s in ["", "1", "1:", ":2", "1:2:3", "-1:2", "1:0x", "1:0x100000000", "x:1", "+1:2", "1:+2"] {
            assert_eq!(s.parse::<NetlinkAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{s:?}");
        }
    }

    /// Issue 14: `"+1:0x+2"` parsed (`from_str_radix` takes a sign after `0x`); numbers now
    /// follow `parse_num`.
    #[test]
    fn signs_are_refused() {
        let e = "+1:0x+2".parse::<NetlinkAddr>().unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "pid: `+1` is not a decimal or 0x-hex number".into())
        );
        let e = "1:0x+2".parse::<NetlinkAddr>().unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (io::ErrorKind::InvalidInput, "groups: `0x+2` is not a decimal or 0x-hex number".into())
        );
        let e = "1:0x100000000".parse::<NetlinkAddr>().unwrap_err();
        assert_eq!(e.to_string(), "groups: `0x100000000` does not fit u32");
    }

    proptest! {
        #[test]
        fn round_trips(pid in any::<u32>(), groups in any::<u32>()) {
            let addr = NetlinkAddr::new(pid, groups);
            prop_assert_eq!(addr.to_string().parse::<NetlinkAddr>().unwrap(), addr);
            prop_assert_eq!(format!("{pid:#x}:{groups}").parse::<NetlinkAddr>().unwrap(), addr);
        }

        #[test]
        fn any_text_parses_without_panic(s in ".{0,40}") {
            let _ = s.parse::<NetlinkAddr>();
        }
    }
}
