// The demo accounts of the embedded database (README and login page in demo mode).
export const DEMO_PASSWORD = "drempel-demo";

export const DEMO_ACCOUNTS = [
  { email: "eigenaar@demo.drempel.nl", name: "Eva Eigenaar", descriptionKey: "demoOwner" },
  { email: "tweede@demo.drempel.nl", name: "Tom Tweede", descriptionKey: "demoSecond" },
  { email: "boekhouder@demo.drempel.nl", name: "Bram Boekhouder", descriptionKey: "demoAccountant" },
] as const;
