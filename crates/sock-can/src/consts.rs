//! Every `AF_CAN` constant of CPython's `socket` module under its Python name with the Linux
//! value, plus the uapi constants that the typed API of this crate is built on (CAN FD/XL
//! sizes, ISO-TP options and flags, error frame classes, `CAN_RAW_ERR_FILTER`,
//! `CAN_RAW_XL_FRAMES` ...).
//!
//! `AF_CAN` and `PF_CAN` live in `sock_core::consts` with the other families. Values come
//! from `libc::` where libc has the constant (cast to this crate's type where libc's differs);
//! the rest are the uapi headers' values. The crate root re-exports them all
//! (`sock_can::CAN_RAW`).
//!
//! Types follow the kernel: protocol numbers, option levels and option names are `i32`
//! (`c_int`); identifiers, masks and flags are `u32` (`canid_t`, `__u32`); J1939 names are `u64`,
//! PGNs `u32` and addresses `u8`. Broadcast manager opcodes and flags carry CPython's `CAN_BCM_`
//! prefix (the kernel header calls them `TX_SETUP`, `SETTIMER` ...).
//!
//! ```
//! use sock::can::consts::*;
//! assert_eq!((CAN_RAW, CAN_BCM, CAN_ISOTP, CAN_J1939), (1, 2, 6, 7));
//! assert_eq!(SOL_CAN_RAW, SOL_CAN_BASE + CAN_RAW);
//! ```

use libc::c_int;

// --- protocols ------------------------------------------------------------------------------
/// `CAN_RAW`: raw CAN frames (`SOCK_RAW`).
pub const CAN_RAW: c_int = libc::CAN_RAW;
/// `CAN_BCM`: the broadcast manager (`SOCK_DGRAM`).
pub const CAN_BCM: c_int = libc::CAN_BCM;
/// `CAN_TP16`: VAG transport protocol v1.6 (reserved, no kernel implementation).
pub const CAN_TP16: c_int = libc::CAN_TP16;
/// `CAN_TP20`: VAG transport protocol v2.0 (reserved, no kernel implementation).
pub const CAN_TP20: c_int = libc::CAN_TP20;
/// `CAN_MCNET`: Bosch MCNet (reserved, no kernel implementation).
pub const CAN_MCNET: c_int = libc::CAN_MCNET;
/// `CAN_ISOTP`: ISO 15765-2 transport protocol (`SOCK_DGRAM`).
pub const CAN_ISOTP: c_int = libc::CAN_ISOTP;
/// `CAN_J1939`: SAE J1939 (`SOCK_DGRAM`).
pub const CAN_J1939: c_int = libc::CAN_J1939;
/// `CAN_NPROTO`: the number of CAN protocol numbers.
pub const CAN_NPROTO: c_int = libc::CAN_NPROTO;

// --- option levels --------------------------------------------------------------------------
/// `SOL_CAN_BASE`: the base of the CAN option levels (`SOL_CAN_BASE + protocol`).
pub const SOL_CAN_BASE: c_int = libc::SOL_CAN_BASE;
/// `SOL_CAN_RAW`: option level of `CAN_RAW` sockets.
pub const SOL_CAN_RAW: c_int = libc::SOL_CAN_RAW;
/// `SOL_CAN_BCM`: option level of `CAN_BCM` (the BCM has no options; kept for completeness).
pub const SOL_CAN_BCM: c_int = SOL_CAN_BASE + CAN_BCM;
/// `SOL_CAN_ISOTP`: option level of `CAN_ISOTP` sockets.
pub const SOL_CAN_ISOTP: c_int = SOL_CAN_BASE + CAN_ISOTP;
/// `SOL_CAN_J1939`: option level of `CAN_J1939` sockets.
pub const SOL_CAN_J1939: c_int = libc::SOL_CAN_J1939;

// --- identifiers ----------------------------------------------------------------------------
/// `CAN_EFF_FLAG`: the identifier is 29-bit (extended frame format).
pub const CAN_EFF_FLAG: u32 = libc::CAN_EFF_FLAG;
/// `CAN_RTR_FLAG`: remote transmission request.
pub const CAN_RTR_FLAG: u32 = libc::CAN_RTR_FLAG;
/// `CAN_ERR_FLAG`: an error frame.
pub const CAN_ERR_FLAG: u32 = libc::CAN_ERR_FLAG;
/// `CAN_SFF_MASK`: the bits of an 11-bit identifier.
pub const CAN_SFF_MASK: u32 = libc::CAN_SFF_MASK;
/// `CAN_EFF_MASK`: the bits of a 29-bit identifier.
pub const CAN_EFF_MASK: u32 = libc::CAN_EFF_MASK;
/// `CAN_ERR_MASK`: the error class bits of an error frame's identifier.
pub const CAN_ERR_MASK: u32 = libc::CAN_ERR_MASK;
/// `CAN_SFF_ID_BITS`: 11.
pub const CAN_SFF_ID_BITS: u32 = libc::CAN_SFF_ID_BITS as u32;
/// `CAN_EFF_ID_BITS`: 29.
pub const CAN_EFF_ID_BITS: u32 = libc::CAN_EFF_ID_BITS as u32;
/// `CAN_INV_FILTER`: set in a filter's `can_id` to invert it.
pub const CAN_INV_FILTER: u32 = libc::CAN_INV_FILTER;
/// `CAN_RAW_FILTER_MAX`: the most filters one `CAN_RAW_FILTER` call takes.
pub const CAN_RAW_FILTER_MAX: usize = libc::CAN_RAW_FILTER_MAX as usize;

// --- frame sizes ----------------------------------------------------------------------------
/// `CAN_MAX_DLC`: 8.
pub const CAN_MAX_DLC: u8 = libc::CAN_MAX_DLC as u8;
/// `CAN_MAX_RAW_DLC`: 15 (the 4-bit DLC field; 9..15 still mean 8 bytes in classic CAN).
pub const CAN_MAX_RAW_DLC: u8 = 15;
/// `CAN_MAX_DLEN`: 8 data bytes in a classic frame.
pub const CAN_MAX_DLEN: usize = libc::CAN_MAX_DLEN;
/// `CANFD_MAX_DLC`: 15.
pub const CANFD_MAX_DLC: u8 = libc::CANFD_MAX_DLC as u8;
/// `CANFD_MAX_DLEN`: 64 data bytes in a CAN FD frame.
pub const CANFD_MAX_DLEN: usize = libc::CANFD_MAX_DLEN;
/// `CANXL_MIN_DLEN`: 1 data byte at least in a CAN XL frame.
pub const CANXL_MIN_DLEN: usize = libc::CANXL_MIN_DLEN;
/// `CANXL_MAX_DLEN`: 2048 data bytes at most in a CAN XL frame.
pub const CANXL_MAX_DLEN: usize = libc::CANXL_MAX_DLEN;
/// `CANXL_MIN_DLC`: 0.
pub const CANXL_MIN_DLC: u16 = libc::CANXL_MIN_DLC as u16;
/// `CANXL_MAX_DLC`: 2047.
pub const CANXL_MAX_DLC: u16 = libc::CANXL_MAX_DLC as u16;
/// `CANXL_MAX_DLC_MASK`: 0x7ff.
pub const CANXL_MAX_DLC_MASK: u16 = libc::CANXL_MAX_DLC_MASK as u16;
/// `CANXL_PRIO_MASK`: the 11 priority bits of a CAN XL frame.
pub const CANXL_PRIO_MASK: u32 = libc::CANXL_PRIO_MASK;
/// `CANXL_PRIO_BITS`: 11.
pub const CANXL_PRIO_BITS: u32 = libc::CANXL_PRIO_BITS as u32;
/// `CAN_MTU`: `sizeof(struct can_frame)`, 16.
pub const CAN_MTU: usize = libc::CAN_MTU;
/// `CANFD_MTU`: `sizeof(struct canfd_frame)`, 72.
pub const CANFD_MTU: usize = libc::CANFD_MTU;
/// `CANXL_HDR_SIZE`: the header of `struct canxl_frame` before its data, 12.
pub const CANXL_HDR_SIZE: usize = 12;
/// `CANXL_MTU`: `sizeof(struct canxl_frame)`, 2060.
pub const CANXL_MTU: usize = libc::CANXL_MTU;
/// `CANXL_MIN_MTU`: the smallest MTU of a CAN XL interface, 76.
pub const CANXL_MIN_MTU: usize = libc::CANXL_MIN_MTU;
/// `CANXL_MAX_MTU`: [`CANXL_MTU`].
pub const CANXL_MAX_MTU: usize = libc::CANXL_MAX_MTU;

// --- CAN FD / XL flags ----------------------------------------------------------------------
/// `CANFD_BRS`: bit rate switch (second bit rate for the payload).
pub const CANFD_BRS: u8 = libc::CANFD_BRS as u8;
/// `CANFD_ESI`: error state indicator of the transmitting node.
pub const CANFD_ESI: u8 = libc::CANFD_ESI as u8;
/// `CANFD_FDF`: marks a CAN FD frame in `struct canfd_frame` (set by the kernel).
pub const CANFD_FDF: u8 = libc::CANFD_FDF as u8;
/// `CANXL_XLF`: the mandatory CAN XL frame flag.
pub const CANXL_XLF: u8 = libc::CANXL_XLF as u8;
/// `CANXL_SEC`: simple extended content (security/segmentation).
pub const CANXL_SEC: u8 = libc::CANXL_SEC as u8;

// --- CAN_RAW options ------------------------------------------------------------------------
/// `CAN_RAW_FILTER`: set 0..n `struct can_filter`s.
pub const CAN_RAW_FILTER: c_int = libc::CAN_RAW_FILTER;
/// `CAN_RAW_ERR_FILTER`: the error classes to receive (a `can_err_mask_t`).
pub const CAN_RAW_ERR_FILTER: c_int = libc::CAN_RAW_ERR_FILTER;
/// `CAN_RAW_LOOPBACK`: local loopback of sent frames (default on).
pub const CAN_RAW_LOOPBACK: c_int = libc::CAN_RAW_LOOPBACK;
/// `CAN_RAW_RECV_OWN_MSGS`: receive this socket's own frames (default off).
pub const CAN_RAW_RECV_OWN_MSGS: c_int = libc::CAN_RAW_RECV_OWN_MSGS;
/// `CAN_RAW_FD_FRAMES`: allow CAN FD frames (default off).
pub const CAN_RAW_FD_FRAMES: c_int = libc::CAN_RAW_FD_FRAMES;
/// `CAN_RAW_JOIN_FILTERS`: a frame must match all filters, not one.
pub const CAN_RAW_JOIN_FILTERS: c_int = libc::CAN_RAW_JOIN_FILTERS;
/// `CAN_RAW_XL_FRAMES`: allow CAN XL frames (Linux 6.2+, default off).
pub const CAN_RAW_XL_FRAMES: c_int = libc::CAN_RAW_XL_FRAMES;
/// `SCM_CAN_RAW_ERRQUEUE`: ancillary type of `CAN_RAW` error queue messages.
pub const SCM_CAN_RAW_ERRQUEUE: c_int = 1;

// --- broadcast manager opcodes (CPython names) ---------------------------------------------
/// `CAN_BCM_TX_SETUP`: create or update a (cyclic) transmission task.
pub const CAN_BCM_TX_SETUP: u32 = 1;
/// `CAN_BCM_TX_DELETE`: remove a transmission task.
pub const CAN_BCM_TX_DELETE: u32 = 2;
/// `CAN_BCM_TX_READ`: read a transmission task (answered with `TX_STATUS`).
pub const CAN_BCM_TX_READ: u32 = 3;
/// `CAN_BCM_TX_SEND`: send one frame.
pub const CAN_BCM_TX_SEND: u32 = 4;
/// `CAN_BCM_RX_SETUP`: create or update a receive filter subscription.
pub const CAN_BCM_RX_SETUP: u32 = 5;
/// `CAN_BCM_RX_DELETE`: remove a receive subscription.
pub const CAN_BCM_RX_DELETE: u32 = 6;
/// `CAN_BCM_RX_READ`: read a receive subscription (answered with `RX_STATUS`).
pub const CAN_BCM_RX_READ: u32 = 7;
/// `CAN_BCM_TX_STATUS`: reply to `TX_READ`.
pub const CAN_BCM_TX_STATUS: u32 = 8;
/// `CAN_BCM_TX_EXPIRED`: a counted transmission finished.
pub const CAN_BCM_TX_EXPIRED: u32 = 9;
/// `CAN_BCM_RX_STATUS`: reply to `RX_READ`.
pub const CAN_BCM_RX_STATUS: u32 = 10;
/// `CAN_BCM_RX_TIMEOUT`: a cyclic frame stopped arriving.
pub const CAN_BCM_RX_TIMEOUT: u32 = 11;
/// `CAN_BCM_RX_CHANGED`: a received frame changed (or arrived first).
pub const CAN_BCM_RX_CHANGED: u32 = 12;

// --- broadcast manager flags (CPython names) -----------------------------------------------
/// `CAN_BCM_SETTIMER`: take `ival1`, `ival2` and `count` from the message.
pub const CAN_BCM_SETTIMER: u32 = 0x0001;
/// `CAN_BCM_STARTTIMER`: start the timer with the message's values.
pub const CAN_BCM_STARTTIMER: u32 = 0x0002;
/// `CAN_BCM_TX_COUNTEVT`: report `TX_EXPIRED` when `count` runs out.
pub const CAN_BCM_TX_COUNTEVT: u32 = 0x0004;
/// `CAN_BCM_TX_ANNOUNCE`: send a changed frame at once.
pub const CAN_BCM_TX_ANNOUNCE: u32 = 0x0008;
/// `CAN_BCM_TX_CP_CAN_ID`: copy the message's `can_id` into the frames.
pub const CAN_BCM_TX_CP_CAN_ID: u32 = 0x0010;
/// `CAN_BCM_RX_FILTER_ID`: filter by `can_id` only (no frames needed).
pub const CAN_BCM_RX_FILTER_ID: u32 = 0x0020;
/// `CAN_BCM_RX_CHECK_DLC`: a changed length counts as a change.
pub const CAN_BCM_RX_CHECK_DLC: u32 = 0x0040;
/// `CAN_BCM_RX_NO_AUTOTIMER`: do not restart the timeout monitor automatically.
pub const CAN_BCM_RX_NO_AUTOTIMER: u32 = 0x0080;
/// `CAN_BCM_RX_ANNOUNCE_RESUME`: report the first frame after a timeout as a change.
pub const CAN_BCM_RX_ANNOUNCE_RESUME: u32 = 0x0100;
/// `CAN_BCM_TX_RESET_MULTI_IDX`: restart a multi-frame sequence at index 0.
pub const CAN_BCM_TX_RESET_MULTI_IDX: u32 = 0x0200;
/// `CAN_BCM_RX_RTR_FRAME`: answer a remote request with the message's frame.
pub const CAN_BCM_RX_RTR_FRAME: u32 = 0x0400;
/// `CAN_BCM_CAN_FD_FRAME`: the message's frames are `struct canfd_frame`.
pub const CAN_BCM_CAN_FD_FRAME: u32 = 0x0800;

// --- ISO-TP ---------------------------------------------------------------------------------
/// `CAN_ISOTP_OPTS`: option taking `struct can_isotp_options`.
pub const CAN_ISOTP_OPTS: c_int = 1;
/// `CAN_ISOTP_RECV_FC`: option taking `struct can_isotp_fc_options`.
pub const CAN_ISOTP_RECV_FC: c_int = 2;
/// `CAN_ISOTP_TX_STMIN`: option taking a `u32` separation time in ns (overrides the peer's FC).
pub const CAN_ISOTP_TX_STMIN: c_int = 3;
/// `CAN_ISOTP_RX_STMIN`: option taking a `u32` ns: ignore consecutive frames closer than this.
pub const CAN_ISOTP_RX_STMIN: c_int = 4;
/// `CAN_ISOTP_LL_OPTS`: option taking `struct can_isotp_ll_options`.
pub const CAN_ISOTP_LL_OPTS: c_int = 5;
/// `CAN_ISOTP_LISTEN_MODE`: listen only, send no flow control.
pub const CAN_ISOTP_LISTEN_MODE: u32 = 0x0001;
/// `CAN_ISOTP_EXTEND_ADDR`: extended addressing.
pub const CAN_ISOTP_EXTEND_ADDR: u32 = 0x0002;
/// `CAN_ISOTP_TX_PADDING`: pad sent frames.
pub const CAN_ISOTP_TX_PADDING: u32 = 0x0004;
/// `CAN_ISOTP_RX_PADDING`: expect padded received frames.
pub const CAN_ISOTP_RX_PADDING: u32 = 0x0008;
/// `CAN_ISOTP_CHK_PAD_LEN`: check the length of received padding.
pub const CAN_ISOTP_CHK_PAD_LEN: u32 = 0x0010;
/// `CAN_ISOTP_CHK_PAD_DATA`: check the content of received padding.
pub const CAN_ISOTP_CHK_PAD_DATA: u32 = 0x0020;
/// `CAN_ISOTP_HALF_DUPLEX`: half duplex error state handling.
pub const CAN_ISOTP_HALF_DUPLEX: u32 = 0x0040;
/// `CAN_ISOTP_FORCE_TXSTMIN`: ignore the separation time of received flow control.
pub const CAN_ISOTP_FORCE_TXSTMIN: u32 = 0x0080;
/// `CAN_ISOTP_FORCE_RXSTMIN`: drop consecutive frames that come faster than rx stmin.
pub const CAN_ISOTP_FORCE_RXSTMIN: u32 = 0x0100;
/// `CAN_ISOTP_RX_EXT_ADDR`: a different extended address for receiving.
pub const CAN_ISOTP_RX_EXT_ADDR: u32 = 0x0200;
/// `CAN_ISOTP_WAIT_TX_DONE`: `send` waits until the transfer completed.
pub const CAN_ISOTP_WAIT_TX_DONE: u32 = 0x0400;
/// `CAN_ISOTP_SF_BROADCAST`: 1-to-N functional addressing (single frames only).
pub const CAN_ISOTP_SF_BROADCAST: u32 = 0x0800;
/// `CAN_ISOTP_CF_BROADCAST`: 1-to-N transmission without flow control.
pub const CAN_ISOTP_CF_BROADCAST: u32 = 0x1000;
/// `CAN_ISOTP_DEFAULT_FLAGS`: 0.
pub const CAN_ISOTP_DEFAULT_FLAGS: u32 = 0;
/// `CAN_ISOTP_DEFAULT_EXT_ADDRESS`: 0.
pub const CAN_ISOTP_DEFAULT_EXT_ADDRESS: u8 = 0x00;
/// `CAN_ISOTP_DEFAULT_PAD_CONTENT`: 0xCC (prevents bit stuffing).
pub const CAN_ISOTP_DEFAULT_PAD_CONTENT: u8 = 0xCC;
/// `CAN_ISOTP_DEFAULT_FRAME_TXTIME`: 50 µs, in ns.
pub const CAN_ISOTP_DEFAULT_FRAME_TXTIME: u32 = 50_000;
/// `CAN_ISOTP_DEFAULT_RECV_BS`: block size 0 (off).
pub const CAN_ISOTP_DEFAULT_RECV_BS: u8 = 0;
/// `CAN_ISOTP_DEFAULT_RECV_STMIN`: separation time 0.
pub const CAN_ISOTP_DEFAULT_RECV_STMIN: u8 = 0x00;
/// `CAN_ISOTP_DEFAULT_RECV_WFTMAX`: 0 wait frames.
pub const CAN_ISOTP_DEFAULT_RECV_WFTMAX: u8 = 0;
/// `CAN_ISOTP_DEFAULT_LL_MTU`: [`CAN_MTU`].
pub const CAN_ISOTP_DEFAULT_LL_MTU: u8 = CAN_MTU as u8;
/// `CAN_ISOTP_DEFAULT_LL_TX_DL`: [`CAN_MAX_DLEN`].
pub const CAN_ISOTP_DEFAULT_LL_TX_DL: u8 = CAN_MAX_DLEN as u8;
/// `CAN_ISOTP_DEFAULT_LL_TX_FLAGS`: 0.
pub const CAN_ISOTP_DEFAULT_LL_TX_FLAGS: u8 = 0;
/// `CAN_ISOTP_FRAME_TXTIME_ZERO`: a frame transmission time of zero (0 means "default").
pub const CAN_ISOTP_FRAME_TXTIME_ZERO: u32 = 0xFFFF_FFFF;

// --- J1939 ----------------------------------------------------------------------------------
/// `J1939_MAX_UNICAST_ADDR`: the highest unicast address, 0xfd.
pub const J1939_MAX_UNICAST_ADDR: u8 = libc::J1939_MAX_UNICAST_ADDR;
/// `J1939_IDLE_ADDR`: the null address, 0xfe.
pub const J1939_IDLE_ADDR: u8 = libc::J1939_IDLE_ADDR;
/// `J1939_NO_ADDR`: no address, or broadcast, 0xff.
pub const J1939_NO_ADDR: u8 = libc::J1939_NO_ADDR;
/// `J1939_NO_NAME`: no name (static addressing), 0.
pub const J1939_NO_NAME: u64 = libc::J1939_NO_NAME;
/// `J1939_PGN_REQUEST`: the Request PGN.
pub const J1939_PGN_REQUEST: u32 = libc::J1939_PGN_REQUEST;
/// `J1939_PGN_ADDRESS_CLAIMED`: the Address Claimed PGN.
pub const J1939_PGN_ADDRESS_CLAIMED: u32 = libc::J1939_PGN_ADDRESS_CLAIMED;
/// `J1939_PGN_ADDRESS_COMMANDED`: the Commanded Address PGN.
pub const J1939_PGN_ADDRESS_COMMANDED: u32 = libc::J1939_PGN_ADDRESS_COMMANDED;
/// `J1939_PGN_PDU1_MAX`: the highest PDU1 (destination-specific) PGN.
pub const J1939_PGN_PDU1_MAX: u32 = libc::J1939_PGN_PDU1_MAX;
/// `J1939_PGN_MAX`: the highest PGN.
pub const J1939_PGN_MAX: u32 = libc::J1939_PGN_MAX;
/// `J1939_NO_PGN`: no PGN.
pub const J1939_NO_PGN: u32 = libc::J1939_NO_PGN;
/// `SO_J1939_FILTER`: set `struct j1939_filter`s.
pub const SO_J1939_FILTER: c_int = libc::SO_J1939_FILTER;
/// `SO_J1939_PROMISC`: receive every packet, not only those addressed to this socket.
pub const SO_J1939_PROMISC: c_int = libc::SO_J1939_PROMISC;
/// `SO_J1939_SEND_PRIO`: the priority (0..7) of sent packets.
pub const SO_J1939_SEND_PRIO: c_int = libc::SO_J1939_SEND_PRIO;
/// `SO_J1939_ERRQUEUE`: report transfer progress and errors on the error queue.
pub const SO_J1939_ERRQUEUE: c_int = libc::SO_J1939_ERRQUEUE;
/// `SCM_J1939_DEST_ADDR`: ancillary item: the destination address (`u8`).
pub const SCM_J1939_DEST_ADDR: c_int = libc::SCM_J1939_DEST_ADDR;
/// `SCM_J1939_DEST_NAME`: ancillary item: the destination name (`u64`).
pub const SCM_J1939_DEST_NAME: c_int = libc::SCM_J1939_DEST_NAME;
/// `SCM_J1939_PRIO`: ancillary item: the priority (`u8`).
pub const SCM_J1939_PRIO: c_int = libc::SCM_J1939_PRIO;
/// `SCM_J1939_ERRQUEUE`: ancillary item of the error queue.
pub const SCM_J1939_ERRQUEUE: c_int = libc::SCM_J1939_ERRQUEUE;
/// `J1939_NLA_PAD`: netlink attribute of error queue statistics.
pub const J1939_NLA_PAD: c_int = libc::J1939_NLA_PAD;
/// `J1939_NLA_BYTES_ACKED`: bytes acknowledged so far.
pub const J1939_NLA_BYTES_ACKED: c_int = libc::J1939_NLA_BYTES_ACKED;
/// `J1939_NLA_TOTAL_SIZE`: the size of the whole transfer.
pub const J1939_NLA_TOTAL_SIZE: c_int = libc::J1939_NLA_TOTAL_SIZE;
/// `J1939_NLA_PGN`: the PGN of the transfer.
pub const J1939_NLA_PGN: c_int = libc::J1939_NLA_PGN;
/// `J1939_NLA_SRC_NAME`: the source name.
pub const J1939_NLA_SRC_NAME: c_int = libc::J1939_NLA_SRC_NAME;
/// `J1939_NLA_DEST_NAME`: the destination name.
pub const J1939_NLA_DEST_NAME: c_int = libc::J1939_NLA_DEST_NAME;
/// `J1939_NLA_SRC_ADDR`: the source address.
pub const J1939_NLA_SRC_ADDR: c_int = libc::J1939_NLA_SRC_ADDR;
/// `J1939_NLA_DEST_ADDR`: the destination address.
pub const J1939_NLA_DEST_ADDR: c_int = libc::J1939_NLA_DEST_ADDR;
/// `J1939_EE_INFO_NONE`: no extended error information.
pub const J1939_EE_INFO_NONE: c_int = libc::J1939_EE_INFO_NONE;
/// `J1939_EE_INFO_TX_ABORT`: a transmission was aborted.
pub const J1939_EE_INFO_TX_ABORT: c_int = libc::J1939_EE_INFO_TX_ABORT;
/// `J1939_EE_INFO_RX_RTS`: a transport session was requested (RTS received).
pub const J1939_EE_INFO_RX_RTS: c_int = libc::J1939_EE_INFO_RX_RTS;
/// `J1939_EE_INFO_RX_DPO`: an extended transport data packet offset arrived.
pub const J1939_EE_INFO_RX_DPO: c_int = libc::J1939_EE_INFO_RX_DPO;
/// `J1939_EE_INFO_RX_ABORT`: a reception was aborted.
pub const J1939_EE_INFO_RX_ABORT: c_int = libc::J1939_EE_INFO_RX_ABORT;
/// `J1939_FILTER_MAX`: the most filters one `SO_J1939_FILTER` call takes.
pub const J1939_FILTER_MAX: usize = libc::J1939_FILTER_MAX as usize;

// --- error frames (linux/can/error.h) -------------------------------------------------------
/// `CAN_ERR_DLC`: the data length of an error frame, 8.
pub const CAN_ERR_DLC: u8 = libc::CAN_ERR_DLC as u8;
/// `CAN_ERR_TX_TIMEOUT`: TX timeout (by netdevice driver).
pub const CAN_ERR_TX_TIMEOUT: u32 = libc::CAN_ERR_TX_TIMEOUT;
/// `CAN_ERR_LOSTARB`: lost arbitration (bit number in `data[0]`).
pub const CAN_ERR_LOSTARB: u32 = libc::CAN_ERR_LOSTARB;
/// `CAN_ERR_CRTL`: controller problems (`data[1]`).
pub const CAN_ERR_CRTL: u32 = libc::CAN_ERR_CRTL;
/// `CAN_ERR_PROT`: protocol violations (`data[2..4]`).
pub const CAN_ERR_PROT: u32 = libc::CAN_ERR_PROT;
/// `CAN_ERR_TRX`: transceiver status (`data[4]`).
pub const CAN_ERR_TRX: u32 = libc::CAN_ERR_TRX;
/// `CAN_ERR_ACK`: no acknowledgement on transmission.
pub const CAN_ERR_ACK: u32 = libc::CAN_ERR_ACK;
/// `CAN_ERR_BUSOFF`: bus off.
pub const CAN_ERR_BUSOFF: u32 = libc::CAN_ERR_BUSOFF;
/// `CAN_ERR_BUSERROR`: bus error (may flood).
pub const CAN_ERR_BUSERROR: u32 = libc::CAN_ERR_BUSERROR;
/// `CAN_ERR_RESTARTED`: the controller restarted.
pub const CAN_ERR_RESTARTED: u32 = libc::CAN_ERR_RESTARTED;
/// `CAN_ERR_CNT`: TX and RX error counters are in `data[6]` and `data[7]`.
pub const CAN_ERR_CNT: u32 = libc::CAN_ERR_CNT;
/// `CAN_ERR_LOSTARB_UNSPEC`: arbitration lost at an unspecified bit.
pub const CAN_ERR_LOSTARB_UNSPEC: u8 = libc::CAN_ERR_LOSTARB_UNSPEC as u8;
/// `CAN_ERR_CRTL_UNSPEC`: unspecified controller problem.
pub const CAN_ERR_CRTL_UNSPEC: u8 = libc::CAN_ERR_CRTL_UNSPEC as u8;
/// `CAN_ERR_CRTL_RX_OVERFLOW`: RX buffer overflow.
pub const CAN_ERR_CRTL_RX_OVERFLOW: u8 = libc::CAN_ERR_CRTL_RX_OVERFLOW as u8;
/// `CAN_ERR_CRTL_TX_OVERFLOW`: TX buffer overflow.
pub const CAN_ERR_CRTL_TX_OVERFLOW: u8 = libc::CAN_ERR_CRTL_TX_OVERFLOW as u8;
/// `CAN_ERR_CRTL_RX_WARNING`: reached the RX warning level.
pub const CAN_ERR_CRTL_RX_WARNING: u8 = libc::CAN_ERR_CRTL_RX_WARNING as u8;
/// `CAN_ERR_CRTL_TX_WARNING`: reached the TX warning level.
pub const CAN_ERR_CRTL_TX_WARNING: u8 = libc::CAN_ERR_CRTL_TX_WARNING as u8;
/// `CAN_ERR_CRTL_RX_PASSIVE`: reached RX error passive.
pub const CAN_ERR_CRTL_RX_PASSIVE: u8 = libc::CAN_ERR_CRTL_RX_PASSIVE as u8;
/// `CAN_ERR_CRTL_TX_PASSIVE`: reached TX error passive.
pub const CAN_ERR_CRTL_TX_PASSIVE: u8 = libc::CAN_ERR_CRTL_TX_PASSIVE as u8;
/// `CAN_ERR_CRTL_ACTIVE`: recovered to error active.
pub const CAN_ERR_CRTL_ACTIVE: u8 = libc::CAN_ERR_CRTL_ACTIVE as u8;
/// `CAN_ERR_PROT_UNSPEC`: unspecified protocol error.
pub const CAN_ERR_PROT_UNSPEC: u8 = libc::CAN_ERR_PROT_UNSPEC as u8;
/// `CAN_ERR_PROT_BIT`: single bit error.
pub const CAN_ERR_PROT_BIT: u8 = libc::CAN_ERR_PROT_BIT as u8;
/// `CAN_ERR_PROT_FORM`: frame format error.
pub const CAN_ERR_PROT_FORM: u8 = libc::CAN_ERR_PROT_FORM as u8;
/// `CAN_ERR_PROT_STUFF`: bit stuffing error.
pub const CAN_ERR_PROT_STUFF: u8 = libc::CAN_ERR_PROT_STUFF as u8;
/// `CAN_ERR_PROT_BIT0`: unable to send a dominant bit.
pub const CAN_ERR_PROT_BIT0: u8 = libc::CAN_ERR_PROT_BIT0 as u8;
/// `CAN_ERR_PROT_BIT1`: unable to send a recessive bit.
pub const CAN_ERR_PROT_BIT1: u8 = libc::CAN_ERR_PROT_BIT1 as u8;
/// `CAN_ERR_PROT_OVERLOAD`: bus overload.
pub const CAN_ERR_PROT_OVERLOAD: u8 = libc::CAN_ERR_PROT_OVERLOAD as u8;
/// `CAN_ERR_PROT_ACTIVE`: active error announcement.
pub const CAN_ERR_PROT_ACTIVE: u8 = libc::CAN_ERR_PROT_ACTIVE as u8;
/// `CAN_ERR_PROT_TX`: the error occurred on transmission.
pub const CAN_ERR_PROT_TX: u8 = libc::CAN_ERR_PROT_TX as u8;
/// `CAN_ERR_TRX_UNSPEC`: unspecified transceiver status.
pub const CAN_ERR_TRX_UNSPEC: u8 = libc::CAN_ERR_TRX_UNSPEC as u8;
/// `CAN_ERROR_WARNING_THRESHOLD`: error counter value of the warning level, 96.
pub const CAN_ERROR_WARNING_THRESHOLD: u32 = libc::CAN_ERROR_WARNING_THRESHOLD as u32;
/// `CAN_ERROR_PASSIVE_THRESHOLD`: error counter value of error passive, 128.
pub const CAN_ERROR_PASSIVE_THRESHOLD: u32 = libc::CAN_ERROR_PASSIVE_THRESHOLD as u32;
/// `CAN_BUS_OFF_THRESHOLD`: error counter value of bus off, 256.
pub const CAN_BUS_OFF_THRESHOLD: u32 = libc::CAN_BUS_OFF_THRESHOLD as u32;
