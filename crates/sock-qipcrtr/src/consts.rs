//! QIPCRTR constants: the address family and the special node and port numbers of
//! `<linux/qrtr.h>`, with their Linux values.

// The same item as sock-core's, so flat glob re-exports of both never clash.
pub use sock_core::consts::AF_QIPCRTR;

/// `QRTR_NODE_BCAST`: the broadcast node.
pub const QRTR_NODE_BCAST: u32 = 0xffff_ffff;
/// `QRTR_PORT_CTRL`: the control port of every node (where the name service talks).
pub const QRTR_PORT_CTRL: u32 = 0xffff_fffe;

// Control packet types of `enum qrtr_pkt_type`, sent to QRTR_PORT_CTRL.
/// `QRTR_TYPE_DATA`: a data packet.
pub const QRTR_TYPE_DATA: u32 = 1;
/// `QRTR_TYPE_HELLO`: a node announces itself to a neighbour.
pub const QRTR_TYPE_HELLO: u32 = 2;
/// `QRTR_TYPE_BYE`: a node goes away.
pub const QRTR_TYPE_BYE: u32 = 3;
/// `QRTR_TYPE_NEW_SERVER`: name service: a service was registered.
pub const QRTR_TYPE_NEW_SERVER: u32 = 4;
/// `QRTR_TYPE_DEL_SERVER`: name service: a service was removed.
pub const QRTR_TYPE_DEL_SERVER: u32 = 5;
/// `QRTR_TYPE_DEL_CLIENT`: a client port was closed.
pub const QRTR_TYPE_DEL_CLIENT: u32 = 6;
/// `QRTR_TYPE_RESUME_TX`: flow control: the receiver may be sent to again.
pub const QRTR_TYPE_RESUME_TX: u32 = 7;
/// `QRTR_TYPE_EXIT`: the name service is told to exit.
pub const QRTR_TYPE_EXIT: u32 = 8;
/// `QRTR_TYPE_PING`: liveness probe of a node.
pub const QRTR_TYPE_PING: u32 = 9;
/// `QRTR_TYPE_NEW_LOOKUP`: name service: start a lookup of services.
pub const QRTR_TYPE_NEW_LOOKUP: u32 = 10;
/// `QRTR_TYPE_DEL_LOOKUP`: name service: end a lookup.
pub const QRTR_TYPE_DEL_LOOKUP: u32 = 11;

#[cfg(test)]
mod tests {
    #[test]
    fn family_is_42() {
        assert_eq!(super::AF_QIPCRTR, 42);
    }
}
