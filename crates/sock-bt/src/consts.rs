//! `AF_BLUETOOTH` constants under their Python names with the Linux values (the kernel's
//! `include/net/bluetooth/{bluetooth,hci_sock,hci,l2cap,rfcomm,sco}.h`, as BlueZ's headers
//! export them and CPython's `socketmodule.c` reads them).
//!
//! `BDADDR_ANY` and `BDADDR_LOCAL` are strings in Python and here; the typed values are
//! [`BdAddr::ANY`](crate::BdAddr::ANY) and [`BdAddr::LOCAL`](crate::BdAddr::LOCAL). `libc` has
//! only `SOL_BLUETOOTH` of these names; its value is taken from there.

use libc::c_int;

// Protocols (the third argument of socket()).
/// Logical Link Control and Adaptation Protocol sockets.
pub const BTPROTO_L2CAP: c_int = 0;
/// Host Controller Interface sockets (raw access to a controller).
pub const BTPROTO_HCI: c_int = 1;
/// Synchronous Connection-Oriented (voice) link sockets.
pub const BTPROTO_SCO: c_int = 2;
/// RFCOMM (serial port emulation) stream sockets.
pub const BTPROTO_RFCOMM: c_int = 3;
/// Bluetooth Network Encapsulation Protocol (control sockets only).
pub const BTPROTO_BNEP: c_int = 4;
/// CAPI Message Transport Protocol (control sockets only).
pub const BTPROTO_CMTP: c_int = 5;
/// Human Interface Device Protocol (control sockets only).
pub const BTPROTO_HIDP: c_int = 6;
/// Audio/Video Distribution Transport Protocol (no kernel support).
pub const BTPROTO_AVDTP: c_int = 7;
/// Isochronous channels (LE audio) sockets.
pub const BTPROTO_ISO: c_int = 8;

// Option levels.
/// Option level of HCI sockets.
pub const SOL_HCI: c_int = 0;
/// Option level of L2CAP-specific options.
pub const SOL_L2CAP: c_int = 6;
/// Option level of SCO-specific options.
pub const SOL_SCO: c_int = 17;
/// Option level of RFCOMM-specific options.
pub const SOL_RFCOMM: c_int = 18;
/// Option level of the `BT_*` options shared by the Bluetooth protocols.
pub const SOL_BLUETOOTH: c_int = libc::SOL_BLUETOOTH;

// Addresses.
/// The any-device address as text (Python's string).
pub const BDADDR_ANY: &str = "00:00:00:00:00:00";
/// The local-device address as text (Python's string).
pub const BDADDR_LOCAL: &str = "00:00:00:FF:FF:FF";
/// L2CAP address type: BR/EDR (classic).
pub const BDADDR_BREDR: u8 = 0x00;
/// L2CAP address type: LE public address.
pub const BDADDR_LE_PUBLIC: u8 = 0x01;
/// L2CAP address type: LE random address.
pub const BDADDR_LE_RANDOM: u8 = 0x02;

// HCI sockets: device and channels of sockaddr_hci, options and ancillary data at SOL_HCI.
/// HCI device index meaning no controller (monitor and control channels).
pub const HCI_DEV_NONE: u16 = 0xffff;
/// HCI channel: raw access shared with the kernel's stack.
pub const HCI_CHANNEL_RAW: u16 = 0;
/// HCI channel: exclusive user-space access to a controller that is down.
pub const HCI_CHANNEL_USER: u16 = 1;
/// HCI channel: copy of every controller's traffic (btmon).
pub const HCI_CHANNEL_MONITOR: u16 = 2;
/// HCI channel: the management (mgmt) interface.
pub const HCI_CHANNEL_CONTROL: u16 = 3;
/// HCI channel: write log messages into the monitor stream.
pub const HCI_CHANNEL_LOGGING: u16 = 4;
/// Deliver each packet's direction as `HCI_CMSG_DIR` ancillary data.
pub const HCI_DATA_DIR: c_int = 1;
/// The packet type / event filter of a raw HCI socket (`struct hci_filter`).
pub const HCI_FILTER: c_int = 2;
/// Deliver each packet's receive time as `HCI_CMSG_TSTAMP` ancillary data.
pub const HCI_TIME_STAMP: c_int = 3;
/// Ancillary type: packet direction (1: from the controller).
pub const HCI_CMSG_DIR: c_int = 0x0001;
/// Ancillary type: receive time (`struct timeval`).
pub const HCI_CMSG_TSTAMP: c_int = 0x0002;

// HCI packet types (the first byte of every packet on a raw HCI socket).
/// HCI packet type: command.
pub const HCI_COMMAND_PKT: u8 = 0x01;
/// HCI packet type: ACL data.
pub const HCI_ACLDATA_PKT: u8 = 0x02;
/// HCI packet type: SCO data.
pub const HCI_SCODATA_PKT: u8 = 0x03;
/// HCI packet type: event.
pub const HCI_EVENT_PKT: u8 = 0x04;
/// HCI packet type: ISO data.
pub const HCI_ISODATA_PKT: u8 = 0x05;
/// HCI packet type: vendor specific.
pub const HCI_VENDOR_PKT: u8 = 0xff;

// L2CAP options (level SOL_L2CAP) and link modes.
/// L2CAP channel options: MTUs, flush timeout, mode (`struct l2cap_options`).
pub const L2CAP_OPTIONS: c_int = 0x01;
/// L2CAP connection info: HCI handle and device class (read only).
pub const L2CAP_CONNINFO: c_int = 0x02;
/// L2CAP link mode bits (`L2CAP_LM_*`).
pub const L2CAP_LM: c_int = 0x03;
/// L2CAP link mode: become central of the link.
pub const L2CAP_LM_MASTER: c_int = 0x0001;
/// L2CAP link mode: require authentication.
pub const L2CAP_LM_AUTH: c_int = 0x0002;
/// L2CAP link mode: require encryption.
pub const L2CAP_LM_ENCRYPT: c_int = 0x0004;
/// L2CAP link mode: require a trusted device.
pub const L2CAP_LM_TRUSTED: c_int = 0x0008;
/// L2CAP link mode: reliable link (drop on errors).
pub const L2CAP_LM_RELIABLE: c_int = 0x0010;
/// L2CAP link mode: require secure (high security) pairing.
pub const L2CAP_LM_SECURE: c_int = 0x0020;

// RFCOMM options (level SOL_RFCOMM) and link modes.
/// RFCOMM connection info: HCI handle and device class (read only).
pub const RFCOMM_CONNINFO: c_int = 0x02;
/// RFCOMM link mode bits (`RFCOMM_LM_*`).
pub const RFCOMM_LM: c_int = 0x03;
/// RFCOMM link mode: become central of the link.
pub const RFCOMM_LM_MASTER: c_int = 0x0001;
/// RFCOMM link mode: require authentication.
pub const RFCOMM_LM_AUTH: c_int = 0x0002;
/// RFCOMM link mode: require encryption.
pub const RFCOMM_LM_ENCRYPT: c_int = 0x0004;
/// RFCOMM link mode: require a trusted device.
pub const RFCOMM_LM_TRUSTED: c_int = 0x0008;
/// RFCOMM link mode: reliable link.
pub const RFCOMM_LM_RELIABLE: c_int = 0x0010;
/// RFCOMM link mode: require secure (high security) pairing.
pub const RFCOMM_LM_SECURE: c_int = 0x0020;

// SCO options (level SOL_SCO).
/// SCO options: the MTU (`struct sco_options`, read only).
pub const SCO_OPTIONS: c_int = 0x01;
/// SCO connection info: HCI handle and device class (read only).
pub const SCO_CONNINFO: c_int = 0x02;

// Options at SOL_BLUETOOTH.
/// Security level and key size of the link (`struct bt_security`).
pub const BT_SECURITY: c_int = 4;
/// Security level: none, SDP only.
pub const BT_SECURITY_SDP: c_int = 0;
/// Security level: low, no authentication or encryption required.
pub const BT_SECURITY_LOW: c_int = 1;
/// Security level: encryption, unauthenticated keys allowed.
pub const BT_SECURITY_MEDIUM: c_int = 2;
/// Security level: authenticated (MITM-protected) encryption.
pub const BT_SECURITY_HIGH: c_int = 3;
/// Security level: FIPS-approved Secure Connections only.
pub const BT_SECURITY_FIPS: c_int = 4;
/// Accept connections only when the application first reads (listening sockets).
pub const BT_DEFER_SETUP: c_int = 7;
/// Whether outgoing L2CAP packets may be flushed.
pub const BT_FLUSHABLE: c_int = 8;
/// `BT_FLUSHABLE` value: not flushable.
pub const BT_FLUSHABLE_OFF: c_int = 0;
/// `BT_FLUSHABLE` value: flushable.
pub const BT_FLUSHABLE_ON: c_int = 1;
/// Power policy of the link (`struct bt_power`).
pub const BT_POWER: c_int = 9;
/// `BT_POWER` value: the link may enter sniff mode.
pub const BT_POWER_FORCE_ACTIVE_OFF: c_int = 0;
/// `BT_POWER` value: force active mode while sending.
pub const BT_POWER_FORCE_ACTIVE_ON: c_int = 1;
/// Which controller type an L2CAP channel may use (`BT_CHANNEL_POLICY_*`).
pub const BT_CHANNEL_POLICY: c_int = 10;
/// Channel policy: BR/EDR only.
pub const BT_CHANNEL_POLICY_BREDR_ONLY: c_int = 0;
/// Channel policy: BR/EDR preferred.
pub const BT_CHANNEL_POLICY_BREDR_PREFERRED: c_int = 1;
/// Channel policy: AMP preferred (AMP is gone from Linux 6.10).
pub const BT_CHANNEL_POLICY_AMP_PREFERRED: c_int = 2;
/// Voice setting of an SCO link (`struct bt_voice`).
pub const BT_VOICE: c_int = 11;
/// Voice setting: transparent data (e.g. mSBC).
pub const BT_VOICE_TRANSPARENT: c_int = 0x0003;
/// Voice setting: CVSD, 16-bit samples (the default).
pub const BT_VOICE_CVSD_16BIT: c_int = 0x0060;
/// Voice setting: transparent data, 16-bit samples.
pub const BT_VOICE_TRANSPARENT_16BIT: c_int = 0x0063;
/// Outgoing MTU of a connected L2CAP channel.
pub const BT_SNDMTU: c_int = 12;
/// Incoming MTU of an L2CAP channel.
pub const BT_RCVMTU: c_int = 13;
/// PHYs the link uses (`BT_PHY_*` bits, read only).
pub const BT_PHY: c_int = 14;
/// PHY bit: BR 1M, 1-slot packets.
pub const BT_PHY_BR_1M_1SLOT: c_int = 0x0000_0001;
/// PHY bit: BR 1M, 3-slot packets.
pub const BT_PHY_BR_1M_3SLOT: c_int = 0x0000_0002;
/// PHY bit: BR 1M, 5-slot packets.
pub const BT_PHY_BR_1M_5SLOT: c_int = 0x0000_0004;
/// PHY bit: EDR 2M, 1-slot packets.
pub const BT_PHY_EDR_2M_1SLOT: c_int = 0x0000_0008;
/// PHY bit: EDR 2M, 3-slot packets.
pub const BT_PHY_EDR_2M_3SLOT: c_int = 0x0000_0010;
/// PHY bit: EDR 2M, 5-slot packets.
pub const BT_PHY_EDR_2M_5SLOT: c_int = 0x0000_0020;
/// PHY bit: EDR 3M, 1-slot packets.
pub const BT_PHY_EDR_3M_1SLOT: c_int = 0x0000_0040;
/// PHY bit: EDR 3M, 3-slot packets.
pub const BT_PHY_EDR_3M_3SLOT: c_int = 0x0000_0080;
/// PHY bit: EDR 3M, 5-slot packets.
pub const BT_PHY_EDR_3M_5SLOT: c_int = 0x0000_0100;
/// PHY bit: LE 1M transmit.
pub const BT_PHY_LE_1M_TX: c_int = 0x0000_0200;
/// PHY bit: LE 1M receive.
pub const BT_PHY_LE_1M_RX: c_int = 0x0000_0400;
/// PHY bit: LE 2M transmit.
pub const BT_PHY_LE_2M_TX: c_int = 0x0000_0800;
/// PHY bit: LE 2M receive.
pub const BT_PHY_LE_2M_RX: c_int = 0x0000_1000;
/// PHY bit: LE Coded transmit.
pub const BT_PHY_LE_CODED_TX: c_int = 0x0000_2000;
/// PHY bit: LE Coded receive.
pub const BT_PHY_LE_CODED_RX: c_int = 0x0000_4000;
/// L2CAP channel mode (`BT_MODE_*`).
pub const BT_MODE: c_int = 15;
/// L2CAP mode: basic.
pub const BT_MODE_BASIC: c_int = 0x00;
/// L2CAP mode: enhanced retransmission.
pub const BT_MODE_ERTM: c_int = 0x01;
/// L2CAP mode: streaming.
pub const BT_MODE_STREAMING: c_int = 0x02;
/// L2CAP mode: LE credit-based flow control.
pub const BT_MODE_LE_FLOWCTL: c_int = 0x03;
/// L2CAP mode: enhanced credit-based flow control.
pub const BT_MODE_EXT_FLOWCTL: c_int = 0x04;
/// Deliver the packet status of SCO data as `BT_SCM_PKT_STATUS` ancillary data.
pub const BT_PKT_STATUS: c_int = 16;
/// Ancillary type: SCO packet status.
pub const BT_SCM_PKT_STATUS: c_int = 0x03;
/// Quality of service of an ISO channel (`struct bt_iso_qos`).
pub const BT_ISO_QOS: c_int = 17;
/// Codecs offered for an SCO link (`struct bt_codecs`).
pub const BT_CODEC: c_int = 19;

#[cfg(test)]
mod tests {
    use super::*;

    /// Python on this machine is built without Bluetooth headers, so these are the values of
    /// the kernel headers that CPython's `socketmodule.c` exports them from.
    #[test]
    fn values_match_the_kernel_headers() {
        assert_eq!((BTPROTO_L2CAP, BTPROTO_HCI, BTPROTO_SCO, BTPROTO_RFCOMM, BTPROTO_ISO), (0, 1, 2, 3, 8));
        assert_eq!((SOL_HCI, SOL_L2CAP, SOL_SCO, SOL_RFCOMM, SOL_BLUETOOTH), (0, 6, 17, 18, libc::SOL_BLUETOOTH));
        assert_eq!((HCI_DATA_DIR, HCI_FILTER, HCI_TIME_STAMP), (1, 2, 3));
        assert_eq!((BDADDR_BREDR, BDADDR_LE_PUBLIC, BDADDR_LE_RANDOM), (0, 1, 2));
        assert_eq!((HCI_DEV_NONE, HCI_CHANNEL_USER, HCI_CHANNEL_LOGGING), (0xffff, 1, 4));
        assert_eq!(
            (BT_SECURITY, BT_DEFER_SETUP, BT_VOICE, BT_PHY, BT_MODE, BT_ISO_QOS, BT_CODEC),
            (4, 7, 11, 14, 15, 17, 19)
        );
    }
}
