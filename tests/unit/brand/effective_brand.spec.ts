import { test } from '@japa/runner'
import { brandCss, effectiveBrand } from '#app/brand/brand_tokens'

test.group('effectiveBrand', () => {
  test('inherits down the tree unless overridden', ({ assert }) => {
    const brand = effectiveBrand([
      {
        tenantId: 2,
        name: 'Parent',
        brand: {
          name: 'Parent Co',
          primaryColor: '#0f766e',
          logoLight: 'a.png',
          legalFooter: '© Parent',
        },
      },
      { tenantId: 5, name: 'Child', brand: { name: 'Child Co', primaryColor: '#7c3aed' } },
    ])
    assert.equal(brand.name, 'Child Co')
    assert.equal(brand.primaryColor, '#7c3aed')
    assert.equal(brand.logoLight, 'a.png')
    assert.equal(brand.assetOwners.logoLight, 2)
    assert.equal(brand.legalFooter, '© Parent')
    assert.equal(brand.mailSenderName, 'Child Co')
  })

  test('ignores unsafe token values instead of printing them into CSS', ({ assert }) => {
    const brand = effectiveBrand([
      {
        tenantId: 1,
        name: 'X',
        brand: { primaryColor: 'red;}</style><script>', radius: '1rem;x', font: 'a}b' },
      },
    ])
    const css = brandCss(brand)
    assert.notInclude(css, '<')
    assert.notInclude(css, 'script')
    assert.match(brand.primaryColor, /^#[0-9a-f]{6}$/i)
    assert.equal(brand.radius, '0.5rem')
    assert.equal(brand.font, 'system-ui')
  })
})
