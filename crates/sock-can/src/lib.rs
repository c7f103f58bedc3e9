//! AF_CAN: CAN_RAW (classic and FD), CAN_BCM, CAN_ISOTP and CAN_J1939.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
