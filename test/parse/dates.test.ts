import { describe, expect, it } from 'vitest'
import { findDataTime, findDates } from '../../src/parse/dates.js'
import { detectLanguage } from '../../src/parse/language.js'

describe('data time', () => {
  it.each([
    ['> **Data Update Time**: 2025-11-18 08:08:22 UTC / 2025-11-18 16:08:22 CST (Beijing Time)', '2025-11-18T08:08:22Z'],
    ['> **数据更新时间**: 2025-07-20 11:42:10 UTC / 2025-07-20 19:42:10 CST (北京时间)', '2025-07-20T11:42:10Z'],
    ['> **抓取时间**: 2025-03-04 05:06:07 UTC', '2025-03-04T05:06:07Z'],
    ['Fetch time: 2025-03-04 05:06:07', '2025-03-04T05:06:07Z'],
    ['> 排名更新时间: 2025-01-15', '2025-01-15'],
    ['> **Heure de mise à jour des données** : 16 juillet 2025 11:44:18 UTC', '2025-07-16T11:44:18Z'],
    ['> **Время обновления данных**: 25.11.2025 08:08:40 UTC', '2025-11-25T08:08:40Z'],
    ['> **Ώρα ενημέρωσης δεδομένων**: 20 Νοεμβρίου 2025 08:08:26 UTC', '2025-11-20T08:08:26Z'],
    ['> **Fecha de actualización de datos**: 18 de noviembre de 2025 08:08:22 UTC', '2025-11-18T08:08:22Z'],
    ['> **數據更新時間**：２０２５年１１月１８日 ０８：０８：２２ UTC', '2025-11-18T08:08:22Z'],
    ['> **Data last updated**: November 18, 2025 08:08 UTC', '2025-11-18T08:08:00Z'],
    // Only Beijing time given: converted to UTC (the data date may change).
    ['> **数据更新时间**: 2025-11-19 02:00:00 CST (北京时间)', '2025-11-18T18:00:00Z']
  ])('%s', (line, updatedAt) => {
    const found = findDataTime([{ text: line, line: 3 }])
    expect(found?.updatedAt).toBe(updatedAt)
    expect(found?.date).toBe(updatedAt.slice(0, 10))
    expect(found?.line).toBe(3)
  })

  // A 12-hour clock: before, `3:34:56 PM` was read as 03:34:56, with no diagnostic; where only Beijing time is
  // given, a misread half of the day moves the data date itself (`7:00 PM CST` on the 8th is 11:00 UTC on the 8th,
  // `07:00 CST` 23:00 UTC on the 7th).
  it.each([
    ['> **Data Update Time**: August 7, 2026 3:34:56 PM UTC', '2026-08-07T15:34:56Z'],
    ['> **Data Update Time**: August 7, 2026 3:34 p.m. UTC', '2026-08-07T15:34:00Z'],
    ['> **Data Update Time**: 08/17/2026 12:05:00 AM UTC', '2026-08-17T00:05:00Z'],
    ['> **Data Update Time**: 08/17/2026 12:05:00 PM UTC', '2026-08-17T12:05:00Z'],
    ['> **Data Update Time**: August 8, 2026 7:00 PM CST (Beijing Time)', '2026-08-08T11:00:00Z'],
    ['> **數據更新時間**：2026年8月7日 下午3:34:56 UTC', '2026-08-07T15:34:56Z'],
    ['> **データ更新時間**: 2026年8月7日 午前9:05 UTC', '2026-08-07T09:05:00Z'],
    ['> **데이터 업데이트 시간**: 2026년 8월 7일 오후 3:34:56 UTC', '2026-08-07T15:34:56Z']
  ])('reads the half of the day of a 12-hour clock: %s', (line, updatedAt) => {
    const found = findDataTime([{ text: line, line: 3 }])
    expect(found?.updatedAt).toBe(updatedAt)
    expect(found?.date).toBe(updatedAt.slice(0, 10))
  })

  it('keeps the hours no 12-hour clock shows beside `am` (German `15:34 am Montag`, on Monday)', () => {
    expect(findDataTime([{ text: '> **Stand der Daten**: 7. August 2026, 15:34 am Freitag (UTC)', line: 3 }])?.updatedAt).toBe('2026-08-07T15:34:00Z')
    expect(findDataTime([{ text: '> **Stand der Daten**: 7. August 2026, 09:34 am Freitag', line: 3 }])?.updatedAt).toBe('2026-08-07T09:34:00Z')
  })

  // Before, these fell back to the store file's date (a `missing-date` warning) and lost the time.
  it.each([
    ['Korean', '> **데이터 업데이트 시간**: 2026년 8월 7일 08:35:38 UTC'],
    ['Arabic-Indic digits', '> **وقت تحديث البيانات**: ٢٠٢٦-٠٨-٠٧ ٠٨:٣٥:٣٨ UTC'],
    ['Turkish', '> **Veri güncelleme zamanı**: 7 Ağustos 2026 08:35:38 UTC'],
    ['Polish', '> **Czas aktualizacji danych**: 7 sierpnia 2026 08:35:38 UTC'],
    ['Dutch', '> **Gegevens bijgewerkt**: 7 augustus 2026 08:35:38 UTC'],
    ['Ukrainian', '> **Час оновлення даних**: 7 серпня 2026 08:35:38 UTC'],
    ['Indonesian', '> **Waktu pembaruan data**: 7 Agustus 2026 08:35:38 UTC'],
    ['Vietnamese', '> **Thời gian cập nhật dữ liệu**: ngày 7 tháng 8 năm 2026 08:35:38 UTC']
  ])('reads a data time written in %s', (_, line) => {
    expect(findDataTime([{ text: line, line: 3 }])?.updatedAt).toBe('2026-08-07T08:35:38Z')
  })

  it('prefers a labelled line over an earlier unlabelled date', () => {
    const found = findDataTime([
      { text: 'Released 2024-01-01 as version 2', line: 1 },
      { text: '> **Data Update Time**: 2025-11-18 08:08:22 UTC', line: 5 }
    ])
    expect(found?.line).toBe(5)
  })

  it('reads a date of numbers only day first, or month first when only that is a date', () => {
    expect(findDataTime([{ text: '> **Data Update Time**: 25-11-2025 08:08:40 UTC', line: 3 }])?.updatedAt).toBe('2025-11-25T08:08:40Z')
    expect(findDataTime([{ text: '> **Data Update Time**: 11/25/2025 08:08:40 UTC', line: 3 }])?.updatedAt).toBe('2025-11-25T08:08:40Z')
    expect(findDataTime([{ text: '> **Data Update Time**: 13/25/2025 08:08:40 UTC', line: 3 }])).toBeUndefined()
  })

  it('reads a date that is one either way as the store file says, else day first', () => {
    const line = [{ text: '> **Data Update Time**: 05/11/2025 08:08:40 UTC', line: 3 }]
    expect(findDataTime(line)?.date).toBe('2025-11-05')
    expect(findDataTime(line, '2025-11-05')?.date).toBe('2025-11-05')
    expect(findDataTime(line, '2025-05-11')?.date).toBe('2025-05-11')
    expect(findDataTime(line, '2025-06-01')?.date).toBe('2025-11-05')
  })

  it('rejects impossible dates', () => {
    expect(findDates('2025-02-30 08:00:00 UTC')).toEqual([])
    expect(findDates('2025-13-01')).toEqual([])
  })
})

describe('language', () => {
  it.each([
    ['This is a leaderboard generated through an automated process, based on the data of the arena.', 'en'],
    ['Ceci est un classement basé sur les données de Chatbot Arena, généré via un processus automatisé.', 'fr'],
    ['Esta es una clasificación basada en datos de Chatbot Arena, generada mediante un proceso automatizado.', 'es'],
    ['Esta é uma classificação gerada automaticamente com base nos dados do Chatbot Arena, não revisada.', 'pt'],
    ['Это рейтинг, созданный автоматически на основе данных Chatbot Arena.', 'ru'],
    ['Αυτή είναι μια κατάταξη που δημιουργείται αυτόματα από τα δεδομένα.', 'el'],
    ['这是一个基于 Chatbot Arena 数据的排行榜，通过自动化流程生成。数据更新时间', 'zh'],
    ['這是一個基於 Chatbot Arena 數據的排行榜，通過自動化流程生成。數據更新時間', 'zh-Hant'],
    ['これは Chatbot Arena のデータに基づいて自動生成されたランキングです。データ更新時間', 'ja']
  ])('%s → %s', (prose, lang) => expect(detectLanguage(prose)).toBe(lang))
})
