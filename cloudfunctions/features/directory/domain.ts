/** The hierarchy every record belongs to: district (区) → street (街道) → community (社区). */
export interface District {
  _id: string
  name: string
}

export interface Street {
  _id: string
  districtId: string
  name: string
  /** Part of the 5-street, 13-community pilot. */
  pilot: boolean
}

export interface Community {
  _id: string
  districtId: string
  streetId: string
  name: string
  pilot: boolean
  location?: { lat: number; lng: number }
}

export interface DistrictTree {
  districts: District[]
  streets: Street[]
  communities: Community[]
}
