//! AF_BLUETOOTH: L2CAP, RFCOMM, HCI and SCO addresses.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
