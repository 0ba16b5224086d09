// End-to-end tests drive real terraform, cdktf and browser processes that take seconds each.
import { jest } from "@jest/globals";

jest.setTimeout(300_000);
