//! `AF_BLUETOOTH` constants under their Python names with the Linux values (the kernel's
//! `include/net/bluetooth/{bluetooth,hci_sock,hci,l2cap,rfcomm,sco}.h`, as BlueZ's headers
//! export them and CPython's `socketmodule.c` reads them).
//!
//! `BDADDR_ANY` and `BDADDR_LOCAL` are strings in Python and here; the typed values are
//! [`BdAddr::ANY`](crate::BdAddr::ANY) and [`BdAddr::LOCAL`](crate::BdAddr::LOCAL).

#![allow(missing_docs)] // each constant is the Linux constant of the same name

use libc::c_int;

// Protocols (the third argument of socket()).
pub const BTPROTO_L2CAP: c_int = 0;
pub const BTPROTO_HCI: c_int = 1;
pub const BTPROTO_SCO: c_int = 2;
pub const BTPROTO_RFCOMM: c_int = 3;
pub const BTPROTO_BNEP: c_int = 4;
pub const BTPROTO_CMTP: c_int = 5;
pub const BTPROTO_HIDP: c_int = 6;
pub const BTPROTO_AVDTP: c_int = 7;
pub const BTPROTO_ISO: c_int = 8;

// Option levels.
pub const SOL_HCI: c_int = 0;
pub const SOL_L2CAP: c_int = 6;
pub const SOL_SCO: c_int = 17;
pub const SOL_RFCOMM: c_int = 18;
pub const SOL_BLUETOOTH: c_int = libc::SOL_BLUETOOTH;

// Addresses.
pub const BDADDR_ANY: &str = "00:00:00:00:00:00";
pub const BDADDR_LOCAL: &str = "00:00:00:FF:FF:FF";
pub const BDADDR_BREDR: u8 = 0x00;
pub const BDADDR_LE_PUBLIC: u8 = 0x01;
pub const BDADDR_LE_RANDOM: u8 = 0x02;

// HCI sockets: device and channels of sockaddr_hci, options and ancillary data at SOL_HCI.
pub const HCI_DEV_NONE: u16 = 0xffff;
pub const HCI_CHANNEL_RAW: u16 = 0;
pub const HCI_CHANNEL_USER: u16 = 1;
pub const HCI_CHANNEL_MONITOR: u16 = 2;
pub const HCI_CHANNEL_CONTROL: u16 = 3;
pub const HCI_CHANNEL_LOGGING: u16 = 4;
pub const HCI_DATA_DIR: c_int = 1;
pub const HCI_FILTER: c_int = 2;
pub const HCI_TIME_STAMP: c_int = 3;
pub const HCI_CMSG_DIR: c_int = 0x0001;
pub const HCI_CMSG_TSTAMP: c_int = 0x0002;

// HCI packet types (the first byte of every packet on a raw HCI socket).
pub const HCI_COMMAND_PKT: u8 = 0x01;
pub const HCI_ACLDATA_PKT: u8 = 0x02;
pub const HCI_SCODATA_PKT: u8 = 0x03;
pub const HCI_EVENT_PKT: u8 = 0x04;
pub const HCI_ISODATA_PKT: u8 = 0x05;
pub const HCI_VENDOR_PKT: u8 = 0xff;

// L2CAP options (level SOL_L2CAP) and link modes.
pub const L2CAP_OPTIONS: c_int = 0x01;
pub const L2CAP_CONNINFO: c_int = 0x02;
pub const L2CAP_LM: c_int = 0x03;
pub const L2CAP_LM_MASTER: c_int = 0x0001;
pub const L2CAP_LM_AUTH: c_int = 0x0002;
pub const L2CAP_LM_ENCRYPT: c_int = 0x0004;
pub const L2CAP_LM_TRUSTED: c_int = 0x0008;
pub const L2CAP_LM_RELIABLE: c_int = 0x0010;
pub const L2CAP_LM_SECURE: c_int = 0x0020;

// RFCOMM options (level SOL_RFCOMM) and link modes.
pub const RFCOMM_CONNINFO: c_int = 0x02;
pub const RFCOMM_LM: c_int = 0x03;
pub const RFCOMM_LM_MASTER: c_int = 0x0001;
pub const RFCOMM_LM_AUTH: c_int = 0x0002;
pub const RFCOMM_LM_ENCRYPT: c_int = 0x0004;
pub const RFCOMM_LM_TRUSTED: c_int = 0x0008;
pub const RFCOMM_LM_RELIABLE: c_int = 0x0010;
pub const RFCOMM_LM_SECURE: c_int = 0x0020;

// SCO options (level SOL_SCO).
pub const SCO_OPTIONS: c_int = 0x01;
pub const SCO_CONNINFO: c_int = 0x02;

// Options at SOL_BLUETOOTH.
pub const BT_SECURITY: c_int = 4;
pub const BT_SECURITY_SDP: c_int = 0;
pub const BT_SECURITY_LOW: c_int = 1;
pub const BT_SECURITY_MEDIUM: c_int = 2;
pub const BT_SECURITY_HIGH: c_int = 3;
pub const BT_SECURITY_FIPS: c_int = 4;
pub const BT_DEFER_SETUP: c_int = 7;
pub const BT_FLUSHABLE: c_int = 8;
pub const BT_FLUSHABLE_OFF: c_int = 0;
pub const BT_FLUSHABLE_ON: c_int = 1;
pub const BT_POWER: c_int = 9;
pub const BT_POWER_FORCE_ACTIVE_OFF: c_int = 0;
pub const BT_POWER_FORCE_ACTIVE_ON: c_int = 1;
pub const BT_CHANNEL_POLICY: c_int = 10;
pub const BT_CHANNEL_POLICY_BREDR_ONLY: c_int = 0;
pub const BT_CHANNEL_POLICY_BREDR_PREFERRED: c_int = 1;
pub const BT_CHANNEL_POLICY_AMP_PREFERRED: c_int = 2;
pub const BT_VOICE: c_int = 11;
pub const BT_VOICE_TRANSPARENT: c_int = 0x0003;
pub const BT_VOICE_CVSD_16BIT: c_int = 0x0060;
pub const BT_VOICE_TRANSPARENT_16BIT: c_int = 0x0063;
pub const BT_SNDMTU: c_int = 12;
pub const BT_RCVMTU: c_int = 13;
pub const BT_PHY: c_int = 14;
pub const BT_PHY_BR_1M_1SLOT: c_int = 0x0000_0001;
pub const BT_PHY_BR_1M_3SLOT: c_int = 0x0000_0002;
pub const BT_PHY_BR_1M_5SLOT: c_int = 0x0000_0004;
pub const BT_PHY_EDR_2M_1SLOT: c_int = 0x0000_0008;
pub const BT_PHY_EDR_2M_3SLOT: c_int = 0x0000_0010;
pub const BT_PHY_EDR_2M_5SLOT: c_int = 0x0000_0020;
pub const BT_PHY_EDR_3M_1SLOT: c_int = 0x0000_0040;
pub const BT_PHY_EDR_3M_3SLOT: c_int = 0x0000_0080;
pub const BT_PHY_EDR_3M_5SLOT: c_int = 0x0000_0100;
pub const BT_PHY_LE_1M_TX: c_int = 0x0000_0200;
pub const BT_PHY_LE_1M_RX: c_int = 0x0000_0400;
pub const BT_PHY_LE_2M_TX: c_int = 0x0000_0800;
pub const BT_PHY_LE_2M_RX: c_int = 0x0000_1000;
pub const BT_PHY_LE_CODED_TX: c_int = 0x0000_2000;
pub const BT_PHY_LE_CODED_RX: c_int = 0x0000_4000;
pub const BT_MODE: c_int = 15;
pub const BT_MODE_BASIC: c_int = 0x00;
pub const BT_MODE_ERTM: c_int = 0x01;
pub const BT_MODE_STREAMING: c_int = 0x02;
pub const BT_MODE_LE_FLOWCTL: c_int = 0x03;
pub const BT_MODE_EXT_FLOWCTL: c_int = 0x04;
pub const BT_PKT_STATUS: c_int = 16;
pub const BT_SCM_PKT_STATUS: c_int = 0x03;
pub const BT_ISO_QOS: c_int = 17;
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
