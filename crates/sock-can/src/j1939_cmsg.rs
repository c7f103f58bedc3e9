//! [`J1939Cmsg`]: the ancillary items a `CAN_J1939` socket delivers with each packet
//! (`SCM_J1939_DEST_ADDR`, `SCM_J1939_DEST_NAME`, `SCM_J1939_PRIO`), in sock-core's one
//! ancillary model ([`DecodeCmsg`]).

use sock_core::cmsg::{Cmsg, DecodeCmsg};

use crate::consts::{SCM_J1939_DEST_ADDR, SCM_J1939_DEST_NAME, SCM_J1939_PRIO, SOL_CAN_J1939};

/// One `SOL_CAN_J1939` ancillary item of a received packet.
/// [`J1939Socket::recv`](crate::J1939Socket::recv) gathers them into a
/// [`J1939Recv`](crate::J1939Recv); decode them yourself from `recv_msg` with
/// `cmsg.decode::<J1939Cmsg>()`.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::can::J1939Cmsg;
/// use sock::can::consts::{SCM_J1939_DEST_ADDR, SCM_J1939_PRIO, SOL_CAN_J1939};
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push(SOL_CAN_J1939, SCM_J1939_DEST_ADDR, &[0x90])?;
/// w.push(SOL_CAN_J1939, SCM_J1939_PRIO, &[6])?;
/// let len = w.len();
/// let items: Vec<J1939Cmsg> = CmsgIter::new(&buf[..len]).filter_map(|c| c.decode()).collect();
/// assert_eq!(items, [J1939Cmsg::DestAddr(0x90), J1939Cmsg::Prio(6)]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum J1939Cmsg {
    /// `SCM_J1939_DEST_ADDR`: the 8-bit destination address (sent for unicast packets only).
    DestAddr(u8),
    /// `SCM_J1939_DEST_NAME`: the 64-bit name of the destination, when it was claimed.
    DestName(u64),
    /// `SCM_J1939_PRIO`: the packet's priority, 0 (highest) to 7.
    Prio(u8),
}

impl<'a> DecodeCmsg<'a> for J1939Cmsg {
    /// The item as a `J1939Cmsg`; `None` for another level or type, or data too short.
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<J1939Cmsg> {
        if item.level != SOL_CAN_J1939 {
            return None;
        }
        match item.ty {
            SCM_J1939_DEST_ADDR => item.data.first().copied().map(J1939Cmsg::DestAddr),
            SCM_J1939_DEST_NAME => item.value::<u64>().map(J1939Cmsg::DestName),
            SCM_J1939_PRIO => item.data.first().copied().map(J1939Cmsg::Prio),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_foreign_items_are_none() {
        let c = |level, ty, data: &'static [u8]| Cmsg { level, ty, data, truncated: false };
        assert_eq!(c(SOL_CAN_J1939, SCM_J1939_DEST_NAME, &[1, 2, 3]).decode::<J1939Cmsg>(), None);
        assert_eq!(c(SOL_CAN_J1939, SCM_J1939_DEST_ADDR, &[]).decode::<J1939Cmsg>(), None);
        assert_eq!(c(1, SCM_J1939_PRIO, &[3]).decode::<J1939Cmsg>(), None);
        let name = 0x1122_3344_5566_7788u64.to_ne_bytes();
        let item = Cmsg { level: SOL_CAN_J1939, ty: SCM_J1939_DEST_NAME, data: &name, truncated: false };
        assert_eq!(item.decode::<J1939Cmsg>(), Some(J1939Cmsg::DestName(0x1122_3344_5566_7788)));
    }
}
