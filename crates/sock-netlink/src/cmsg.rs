//! [`NetlinkCmsg`]: the ancillary items netlink attaches to received messages (level
//! `SOL_NETLINK`), decoded in the one ancillary-data model: `cmsg.decode::<NetlinkCmsg>()`.

use sock_core::cmsg::{Cmsg, DecodeCmsg};

use crate::consts::{NETLINK_LISTEN_ALL_NSID, NETLINK_PKTINFO, SOL_NETLINK};

/// One `SOL_NETLINK` ancillary item of a received message.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::netlink::{cmsg::NetlinkCmsg, consts::{NETLINK_PKTINFO, SOL_NETLINK}};
/// let mut buf = [0u8; 32];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push_value(SOL_NETLINK, NETLINK_PKTINFO, &5u32)?;
/// let n = w.len();
/// let item = CmsgIter::new(&buf[..n]).next().unwrap();
/// assert_eq!(item.decode::<NetlinkCmsg>(), Some(NetlinkCmsg::Group(5)));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NetlinkCmsg {
    /// `NETLINK_PKTINFO` (`struct nl_pktinfo`): the multicast group number the message was
    /// sent to (0 for a unicast reply); sent with the option [`pkt_info`](crate::NetlinkSocket::pkt_info) on.
    Group(u32),
    /// `NETLINK_LISTEN_ALL_NSID`: the id of the peer network namespace the message comes
    /// from (negative when it has none), with the option
    /// [`listen_all_nsid`](crate::NetlinkSocket::listen_all_nsid) on.
    Nsid(i32),
}

impl<'a> DecodeCmsg<'a> for NetlinkCmsg {
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<NetlinkCmsg> {
        if item.level != SOL_NETLINK || item.truncated {
            return None;
        }
        match item.ty {
            NETLINK_PKTINFO => item.value::<u32>().map(NetlinkCmsg::Group),
            NETLINK_LISTEN_ALL_NSID => item.value::<i32>().map(NetlinkCmsg::Nsid),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sock_core::cmsg::CmsgIter;

    #[test]
    fn short_and_foreign_items_do_not_decode() {
        let c = Cmsg { level: SOL_NETLINK, ty: NETLINK_PKTINFO, data: &[1, 0], truncated: false };
        assert_eq!(c.decode::<NetlinkCmsg>(), None);
        let c = Cmsg { level: 1, ty: NETLINK_PKTINFO, data: &[1, 0, 0, 0], truncated: false };
        assert_eq!(c.decode::<NetlinkCmsg>(), None);
        let c =
            Cmsg { level: SOL_NETLINK, ty: NETLINK_LISTEN_ALL_NSID, data: &(-1i32).to_ne_bytes(), truncated: false };
        assert_eq!(c.decode::<NetlinkCmsg>(), Some(NetlinkCmsg::Nsid(-1)));
    }

    proptest! {
        #[test]
        fn any_control_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=96)) {
            for c in CmsgIter::new(&bytes) {
                let _ = c.decode::<NetlinkCmsg>();
            }
        }
    }
}
